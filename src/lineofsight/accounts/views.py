from django.contrib.auth import views as auth_views
from django.shortcuts import render

from lineofsight.accounts.permissions import requires
from lineofsight.accounts.queries import audit_events


@requires("public")
class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.jinja"
    redirect_authenticated_user = True


@requires("public")
class SignOutView(auth_views.LogoutView):
    pass


@requires("audit.view")
def audit_log(request):
    return render(request, "accounts/audit_log.jinja", {"events": audit_events(request.GET.get("type"))})
