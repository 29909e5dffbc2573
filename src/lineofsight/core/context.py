from django.conf import settings

from lineofsight.accounts.permissions import may, roles_of
from lineofsight.core.navigation import navigation_for


def site(request):
    user = getattr(request, "user", None)
    return {
        "council_name": settings.COUNCIL_NAME,
        "show_synthetic_banner": settings.SHOW_SYNTHETIC_BANNER,
        "navigation": navigation_for(request),
        "may": (lambda action, obj=None: may(user, action, obj)),
        "user_roles": roles_of(user),
        # str() draws the nonce, which also puts it into the CSP header.
        "csp_nonce": str(request.csp_nonce) if hasattr(request, "csp_nonce") else "",
    }
