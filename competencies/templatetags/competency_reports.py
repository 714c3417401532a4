from django import template

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


@register.filter
def one_decimal(value) -> str:
    return "" if value is None else f"{value:.1f}"


@register.filter
def percent(value) -> str:
    return "" if value is None else f"{round(100 * value)} %"


@register.filter
def level_count(stats, level) -> int:
    return stats.reached.get(level, 0)
