from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest, JsonResponse

from lineofsight.accounts.permissions import may

# These carry their own checks: the admin its staff login, the API each endpoint, static files none.
_SELF_GUARDED_PREFIXES = ("/admin/", "/api/", "/static/")


def declared_action(view_func):
    action = getattr(view_func, "los_action", None)
    view_class = getattr(view_func, "view_class", None)
    if action is None and view_class is not None:
        action = getattr(view_class, "los_action", None)
    return action


class PermissionRuleMiddleware:
    """Refuses every view that declares no rule, and every request its rule does not allow."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith(_SELF_GUARDED_PREFIXES) or request.path == settings.STATIC_URL:
            return None
        action = declared_action(view_func)
        if action is None:
            raise PermissionDenied("This page has no permission rule.")
        if may(request.user, action):
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied


class RefuseNulCharactersMiddleware:
    """Refuses (400) a request whose path or query string holds a NUL character.

    PostgreSQL text can neither hold nor be compared with NUL, so ``?org=%00`` reaching a query
    is a 500 there (and fine on SQLite). Django's form fields refuse NUL already; URL and API
    parameters are not form fields, so they are checked here, once, for every view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()):
            message = "Requests may not contain NUL characters."
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=400)  # the API's own error shape
            return HttpResponseBadRequest(message, content_type="text/plain")
        return self.get_response(request)
