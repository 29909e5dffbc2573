from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

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
