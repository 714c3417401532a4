"""Numbers, shares and durations as people read them in the active language.

One place for every page, chart and text the platform shows: German gets a decimal comma
("1,6"), a space before the percent sign ("45 %") and durations in hours and minutes
("3 Std. 5 Min."); English gets "1.6", "45%" and "3 h 5 min". Templates use the
``qd_format`` filters, which call these functions. Machine-readable output (CSV, JSON, xAPI)
never goes through here.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext, pgettext


def _rounded(value, places: int) -> Decimal:
    # Half up, as people round ("0.45" -> "0.5"), not the float's binary neighbour.
    quantum = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def format_decimal(value, places: int = 1) -> str:
    """``1.6`` -> "1,6" (German) or "1.6" (English); ``None`` -> ""."""
    if value is None or value == "":
        return ""
    return number_format(_rounded(value, places), decimal_pos=places, use_l10n=True)


def format_percent(value, places: int = 0) -> str:
    """A number of percent, ``45`` -> "45 %" (German) or "45%" (English)."""
    if value is None or value == "":
        return ""
    # The German form has a no-break space, so the sign never starts a line on its own.
    return pgettext("percent sign after a number", "%(number)s%%") % {
        "number": format_decimal(value, places)
    }


def format_share(value, places: int = 0) -> str:
    """A share between 0 and 1 as percent, ``0.45`` -> "45 %"."""
    if value is None or value == "":
        return ""
    return format_percent(Decimal(str(value)) * 100, places)


def format_duration(minutes) -> str:
    """Minutes as hours and minutes: ``185`` -> "3 Std. 5 Min." (German), "3 h 5 min"."""
    if minutes is None or minutes == "":
        return ""
    total = int(_rounded(minutes, 0))
    hours, rest = divmod(total, 60)
    if hours and rest:
        return gettext("%(hours)s h %(minutes)s min") % {
            "hours": number_format(hours, use_l10n=True, force_grouping=True),
            "minutes": rest,
        }
    if hours:
        return gettext("%(hours)s h") % {
            "hours": number_format(hours, use_l10n=True, force_grouping=True)
        }
    return gettext("%(minutes)s min") % {"minutes": rest}
