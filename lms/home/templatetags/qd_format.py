"""Template filters for numbers, shares and durations (``lms.home.formats``)."""

from django import template

from lms.home import formats

register = template.Library()


@register.filter
def decimal(value, places=1):
    """``{{ 1.6|decimal }}`` -> "1,6"; ``{{ value|decimal:2 }}`` for two places."""
    return formats.format_decimal(value, int(places))


@register.filter
def percent(value, places=0):
    """A number of percent: ``{{ 45|percent }}`` -> "45 %"."""
    return formats.format_percent(value, int(places))


@register.filter
def share(value, places=0):
    """A share between 0 and 1: ``{{ 0.45|share }}`` -> "45 %"."""
    return formats.format_share(value, int(places))


@register.filter
def duration(minutes):
    """Minutes: ``{{ 185|duration }}`` -> "3 Std. 5 Min."."""
    return formats.format_duration(minutes)
