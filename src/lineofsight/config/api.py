"""The JSON API: one NinjaAPI, one router per app, one OpenAPI description at /api/v1/openapi.json."""

from ninja import NinjaAPI

from lineofsight.accounts.api import router as accounts_router
from lineofsight.accounts.api_auth import SessionOrToken
from lineofsight.performance.api import router as performance_router
from lineofsight.plan.api import router as plan_router
from lineofsight.scrutiny.api import router as scrutiny_router

api = NinjaAPI(
    title="Line of Sight API",
    version="1",
    description="Plan, indicators and scrutiny as JSON. Anonymous clients see published, suppressed aggregates only.",
    auth=SessionOrToken(),
    urls_namespace="api",
)
api.add_router("/plan", plan_router)
api.add_router("/", performance_router)
api.add_router("/", scrutiny_router)
api.add_router("/", accounts_router)
