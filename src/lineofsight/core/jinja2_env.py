"""The Jinja2 environment: our templates first, then the GOV.UK Frontend macros (govuk-frontend-jinja)."""

import jinja2
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

from lineofsight.core import formatting


def url(name, *args, **kwargs):
    return reverse(name, args=args or None, kwargs=kwargs or None)


def environment(**options):
    env = jinja2.Environment(**options)
    govuk = jinja2.PrefixLoader({"govuk_frontend_jinja": jinja2.PackageLoader("govuk_frontend_jinja")})
    env.loader = jinja2.ChoiceLoader([env.loader, govuk])
    env.globals.update(static=static, url=url, settings=settings)
    env.filters.update(formatting.FILTERS)
    return env
