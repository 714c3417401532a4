from django import template

from lms.home import formats

register = template.Library()


@register.filter
def heat_class(cell) -> str:
    """CSS class for a heatmap cell: hidden, or gap band 0..4 (no inline styles)."""
    if cell.suppressed:
        return "heat heat--hidden"
    gap = cell.stats.average_gap
    if gap is None:
        return "heat heat--empty"
    return f"heat heat--{min(4, round(gap))}"


# Kept under these names for the report templates; the formatting is lms.home.formats.
register.filter("one_decimal", formats.format_decimal)
register.filter("percent", formats.format_share)


@register.filter
def level_count(stats, level) -> int:
    return stats.reached.get(level, 0)
