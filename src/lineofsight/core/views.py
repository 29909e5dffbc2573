from django.shortcuts import render

from lineofsight.accounts.permissions import requires
from lineofsight.core.patterns import component_examples


@requires("public")
def home(request):
    return render(request, "core/home.jinja")


@requires("public")
def patterns(request):
    return render(request, "core/patterns.jinja", {"examples": component_examples()})
