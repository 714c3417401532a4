"""Server-side charts with matplotlib: SVG for pages, PNG for PDFs.

Charts never carry information a table next to them does not also carry; every chart is
shown with a one-sentence text alternative. Suppressed cells are drawn hatched grey and
never coloured by a value.
"""

import base64
import functools
import hashlib
import io

import matplotlib
import numpy as np
from django.core.cache import cache
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from lms.home.formats import format_decimal

PRIMARY = "#1f5f8b"
TARGET = "#b35900"
SELF = "#6b6b6b"
HIDDEN = "#d9d9d9"


#: Bump when the drawing code changes, so cached images of the old look are not reused.
_CHART_VERSION = 2


def _cached(draw):
    """Keep drawn charts in the cache, keyed by what they show.

    Drawing is matplotlib's layout and rendering (around a second per chart), the inputs
    are a few numbers and labels; a chart whose figures and labels did not change is the
    same image for every viewer, so it is drawn once. New figures give a new key."""

    @functools.wraps(draw)
    def wrapper(*args, **kwargs):
        source = repr((_CHART_VERSION, draw.__name__, args, sorted(kwargs.items())))
        key = "qd:chart:" + hashlib.sha256(source.encode()).hexdigest()
        image = cache.get(key)
        if image is None:
            image = draw(*args, **kwargs)
            cache.set(key, image, timeout=7 * 24 * 3600)
        return image

    return wrapper


def _render(fig: Figure, fmt: str) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, bbox_inches="tight", dpi=110, metadata=_metadata(fmt))
    return buffer.getvalue()


def _metadata(fmt: str) -> dict:
    # Reproducible output: no creation date in SVG/PNG files.
    if fmt == "svg":
        return {"Date": None}
    return {}


def data_uri(svg: bytes) -> str:
    """SVG as a data: URI for an ``<img>`` (allowed by the CSP; no inline styles in the page)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


@_cached
def profile_chart(rows, *, labels: dict, fmt: str = "svg") -> bytes:
    """Learner profile: reached vs target (and self-assessed) per competency.

    ``rows``: (label, target, reached, self_assessed) tuples, ``labels``: translated legend.
    """
    height = max(2.2, 0.42 * len(rows) + 1.2)
    fig = Figure(figsize=(7.5, height))
    ax = fig.add_subplot()
    names = [r[0] for r in rows][::-1]
    positions = range(len(names))
    reached = [r[2] for r in rows][::-1]
    targets = [r[1] for r in rows][::-1]
    selves = [r[3] for r in rows][::-1]
    ax.barh(positions, reached, color=PRIMARY, height=0.55, label=labels["reached"])
    ax.scatter(targets, positions, marker="|", s=400, color=TARGET, label=labels["target"])
    ax.scatter(
        [s if s else None for s in selves],
        positions,
        marker="o",
        facecolors="none",
        edgecolors=SELF,
        label=labels["self"],
    )
    ax.set_yticks(list(positions), names, fontsize=8)
    ax.set_xlim(0, 8.5)
    ax.set_xticks(range(0, 9))
    ax.set_xlabel(labels["axis"])
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="lower right", fontsize=8, frameon=False, bbox_to_anchor=(1.0, 1.0), ncol=3)
    return _render(fig, fmt)


@_cached
def heatmap_chart(*, row_labels, col_labels, values, label: str, fmt: str = "svg") -> bytes:
    """Org units × competencies coloured by average gap; ``None`` values are suppressed."""
    data = np.array(
        [[np.nan if v is None else v for v in row] for row in values], dtype=float
    ).reshape(len(row_labels), len(col_labels))
    fig = Figure(
        figsize=(max(5.0, 0.55 * len(col_labels) + 3), max(2.0, 0.38 * len(row_labels) + 1.4))
    )
    ax = fig.add_subplot()
    cmap = matplotlib.colormaps["YlOrRd"].with_extremes(bad=HIDDEN)
    image = ax.imshow(np.ma.masked_invalid(data), cmap=cmap, vmin=0, vmax=4, aspect="auto")
    for (i, j), value in np.ndenumerate(data):
        if np.isnan(value):
            ax.add_patch(
                Rectangle(
                    (j - 0.5, i - 0.5), 1, 1, fill=False, hatch="///", edgecolor="#8a8a8a", lw=0
                )
            )
        else:
            ax.text(
                j,
                i,
                format_decimal(value),
                ha="center",
                va="center",
                fontsize=7,
                color="white" if value > 2.5 else "black",
            )
    ax.set_xticks(range(len(col_labels)), col_labels, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(row_labels)), row_labels, fontsize=8)
    colorbar = fig.colorbar(image, ax=ax, fraction=0.03)
    colorbar.set_label(label, fontsize=8)
    return _render(fig, fmt)


@_cached
def role_gap_chart(*, groups, label: str, hidden_label: str, fmt: str = "svg") -> bytes:
    """One panel per role: average gap per targeted competency.

    Suppressed bars are drawn hatched grey across the axis and labelled, so a hidden
    figure never looks like a gap of zero. The figure grows with the number of bars.
    """
    count = max(1, len(groups))
    rows_total = sum(max(1, len(g[1])) for g in groups) or 1
    fig = Figure(figsize=(7.5, 0.3 * rows_total + 0.75 * count + 0.5))
    axes = fig.subplots(
        count,
        1,
        squeeze=False,
        gridspec_kw={"height_ratios": [max(1, len(g[1])) for g in groups] or [1]},
    )[:, 0]
    for ax, (title, bars) in zip(axes, groups, strict=False):
        names = [b[0] for b in bars][::-1]
        positions = range(len(names))
        values = [b[1] if b[1] is not None else 0 for b in bars][::-1]
        ax.barh(positions, values, color=PRIMARY, height=0.6)
        for position, bar in zip(positions, bars[::-1], strict=True):
            if bar[1] is None:
                ax.barh(position, 5, color=HIDDEN, height=0.6, hatch="///", edgecolor="#8a8a8a")
                ax.text(0.1, position, hidden_label, va="center", fontsize=7, color="#333333")
        ax.set_yticks(list(positions), names, fontsize=8)
        ax.set_ylim(-0.6, max(0, len(names) - 1) + 0.6)
        ax.set_xlim(0, 5)
        ax.set_title(title, fontsize=9, loc="left")
        ax.grid(axis="x", alpha=0.3)
    axes[-1].set_xlabel(label)
    fig.tight_layout()
    return _render(fig, fmt)


@_cached
def distribution_chart(*, labels, counts, levels, legend_title: str, fmt: str = "svg") -> bytes:
    """Stacked bars: people per reached level for each competency (``None``: suppressed)."""
    fig = Figure(figsize=(7.5, max(2.0, 0.36 * len(labels) + 1.4)))
    ax = fig.add_subplot()
    cmap = matplotlib.colormaps["Blues"]
    rows = list(range(len(labels)))[::-1]
    left = [0.0] * len(labels)
    for level in levels:
        widths = []
        for row in counts:
            if row is None:
                widths.append(0)
                continue
            total = sum(row.values()) or 1
            widths.append(100 * row.get(level, 0) / total)
        ax.barh(
            rows,
            widths,
            left=left,
            color=cmap(0.15 + 0.85 * level / max(levels)),
            height=0.6,
            label=str(level),
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    for index, row in enumerate(counts):
        if row is None:
            ax.barh(rows[index], 100, color=HIDDEN, height=0.6, hatch="///", edgecolor="#8a8a8a")
    ax.set_yticks(rows, labels, fontsize=8)
    ax.set_xlim(0, 100)
    ax.set_xlabel("%")
    ax.legend(
        title=legend_title,
        fontsize=7,
        title_fontsize=7,
        ncol=len(levels),
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        frameon=False,
    )
    return _render(fig, fmt)


@_cached
def trend_chart(*, months, shares, label: str, fmt: str = "svg") -> bytes:
    fig = Figure(figsize=(7.5, 2.8))
    ax = fig.add_subplot()
    points = [(m, s) for m, s in zip(months, shares, strict=True) if s is not None]
    if points:
        ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", color=PRIMARY)
    ax.set_ylim(0, 100)
    ax.set_ylabel(label)
    ax.grid(alpha=0.3)
    fig.autofmt_xdate()
    return _render(fig, fmt)


@_cached
def share_bars_chart(*, labels, shares, label: str, hidden_label: str, fmt: str = "svg") -> bytes:
    """Horizontal bars of shares (0–100 %) per group; ``None``: suppressed, drawn hatched
    grey across the axis and labelled, never as a share of zero."""
    fig = Figure(figsize=(7.5, 0.35 * max(1, len(labels)) + 0.8))
    ax = fig.subplots()
    positions = list(range(len(labels)))[::-1]
    for position, share in zip(positions, shares, strict=True):
        if share is None:
            ax.barh(position, 100, color=HIDDEN, height=0.6, hatch="///", edgecolor="#8a8a8a")
            ax.text(1, position, hidden_label, va="center", fontsize=7, color="#333333")
        else:
            ax.barh(position, share, color=PRIMARY, height=0.6)
    ax.set_yticks(positions, labels, fontsize=8)
    ax.set_xlim(0, 100)
    ax.set_xlabel(label)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    return _render(fig, fmt)
