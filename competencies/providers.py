"""Registry of learning offers that develop competencies (for the training-needs plan).

``competencies`` must not import the apps above it, so the courses app registers a
provider from its ``AppConfig.ready()``:

    from competencies.providers import Offer, register_offer_provider

    def published_courses():
        return [Offer(key=..., title=..., url=..., develops=((competency_id, rank), ...))]

    register_offer_provider("courses", published_courses)

A provider is called once per report and must answer in a bounded number of queries.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Offer:
    key: str
    title: str
    url: str
    develops: tuple[tuple[int, int], ...]  # (competency id, level rank it develops up to)


_PROVIDERS: dict[str, Callable[[], Iterable[Offer]]] = {}


def register_offer_provider(name: str, provider: Callable[[], Iterable[Offer]]) -> None:
    _PROVIDERS[name] = provider


def offers() -> list[Offer]:
    result: list[Offer] = []
    for provider in list(_PROVIDERS.values()):
        result.extend(provider())
    return result
