"""The service navigation: each entry shows only to those who may open it."""

from django.urls import NoReverseMatch, reverse

from lineofsight.accounts.permissions import may

ENTRIES = [
    ("Improvement plan", "plan:overview", "plan.view"),
    ("Performance", "performance:dashboard", "performance.view_aggregates"),
    ("Workforce", "performance:workforce", "performance.view_workforce"),
    ("Scrutiny", "scrutiny:committees", "scrutiny.view"),
    ("Reports", "reports:index", "reports.view"),
    ("Load case data", "performance:upload", "performance.load_case_data"),
    ("Publish", "performance:publish", "performance.publish"),
]


def navigation_for(request):
    user = getattr(request, "user", None)
    items = []
    for text, url_name, action in ENTRIES:
        if not may(user, action):
            continue
        try:
            href = reverse(url_name)
        except NoReverseMatch:  # an app not yet serving that page
            continue
        items.append({"text": text, "href": href, "active": request.path.startswith(href)})
    return items
