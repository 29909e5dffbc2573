"""``/api/v1/me``: lets a machine client check which account and roles its token carries."""

from ninja import Router, Schema

from lineofsight.accounts.api_auth import ensure
from lineofsight.accounts.permissions import PUBLIC, roles_of

router = Router(tags=["accounts"])


class Me(Schema):
    username: str
    roles: list[str]


@router.get("/me", response=Me, summary="The account and roles this request is made as")
def me(request):
    ensure(request, "signed_in")
    return {"username": request.user.get_username(), "roles": sorted(roles_of(request.user) - {PUBLIC})}
