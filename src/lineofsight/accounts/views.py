from django.contrib.auth import views as auth_views
from django.shortcuts import render

from lineofsight.accounts.forms import AuditFilterForm, SignInForm
from lineofsight.accounts.permissions import requires
from lineofsight.accounts.presenters import AuditEventPresenter
from lineofsight.accounts.queries import audit_events, audit_object_types

AUDIT_PAGE_ROWS = 200


@requires("public")
class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.jinja"
    authentication_form = SignInForm
    redirect_authenticated_user = True


@requires("public")
class SignOutView(auth_views.LogoutView):
    pass


@requires("audit.view")
def audit_log(request):
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    events = audit_events(
        filters.get("type") or None,
        username=filters.get("user") or None,
        since=filters.get("since"),
        until=filters.get("until"),
        limit=AUDIT_PAGE_ROWS,
    )
    return render(
        request,
        "accounts/audit_log.jinja",
        {
            "form": form,
            "object_types": audit_object_types(),
            "events": [AuditEventPresenter(event) for event in events],
            "limit": AUDIT_PAGE_ROWS,
        },
    )
