"""The typed model of a simulated case: inputs, conditions, rules and the rule set.

A rule set is an ordered decision table: the first rule whose conditions hold decides.
A rule either decides (an outcome) or refers the case to a person (with the reason).
Every rule names its legal basis and the facts it depends on.

Values are held in one comparable form per kind: numbers and money as ``Decimal``,
dates as ``datetime.date``, choices as their key (``str``), yes/no as ``bool``.
``parse_value`` turns form text into that form or raises ``ValueError``.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

KINDS = ("number", "money", "date", "choice", "boolean")
NUMERIC_KINDS = ("number", "money", "date")
# Comparisons for numbers, money and dates; membership for choices; truth for yes/no.
OPERATORS = ("eq", "ne", "lt", "le", "gt", "ge", "between", "in", "not_in", "is_true", "is_false")
OPERATORS_BY_KIND = {
    "number": ("eq", "ne", "lt", "le", "gt", "ge", "between"),
    "money": ("eq", "ne", "lt", "le", "gt", "ge", "between"),
    "date": ("eq", "ne", "lt", "le", "gt", "ge", "between"),
    "choice": ("eq", "ne", "in", "not_in"),
    "boolean": ("is_true", "is_false"),
}
REFER = "refer"


class RuleSetError(ValueError):
    """The authored data cannot be read as a rule set; ``field`` names where."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class InputSpec:
    key: str
    label: str
    kind: str
    unit: str = ""
    minimum: object = None
    maximum: object = None
    step: Decimal = Decimal(1)
    choices: tuple[tuple[str, str], ...] = ()
    start: object = None

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS

    def as_number(self, value) -> Decimal:
        """A numeric kind's value on one scale (dates as day numbers)."""
        if self.kind == "date":
            return Decimal(value.toordinal())
        return Decimal(value)

    def from_number(self, number: Decimal):
        if self.kind == "date":
            return dt.date.fromordinal(int(number))
        return number

    def grid_size(self) -> int:
        """How many values a numeric input can take (its range in steps)."""
        low, high = self.as_number(self.minimum), self.as_number(self.maximum)
        return int((high - low) // self.step) + 1

    def grid_value(self, index: int):
        return self.from_number(self.as_number(self.minimum) + self.step * index)

    def grid_index(self, value) -> int:
        return int((self.as_number(value) - self.as_number(self.minimum)) // self.step)

    def domain(self) -> tuple:
        """The values of a choice or yes/no input."""
        if self.kind == "boolean":
            return (False, True)
        return tuple(key for key, _label in self.choices)

    def choice_label(self, key) -> str:
        return dict(self.choices).get(key, str(key))


@dataclass(frozen=True)
class Condition:
    input: str
    operator: str
    value: object = None
    value2: object = None  # the upper end of ``between`` (inclusive)
    values: tuple = ()  # the set of ``in`` / ``not_in``

    def holds(self, actual) -> bool:
        op = self.operator
        if op == "is_true":
            return actual is True
        if op == "is_false":
            return actual is False
        if op == "in":
            return actual in self.values
        if op == "not_in":
            return actual not in self.values
        if op == "eq":
            return actual == self.value
        if op == "ne":
            return actual != self.value
        if op == "lt":
            return actual < self.value
        if op == "le":
            return actual <= self.value
        if op == "gt":
            return actual > self.value
        if op == "ge":
            return actual >= self.value
        if op == "between":
            return self.value <= actual <= self.value2
        raise RuleSetError(f"unknown operator {op!r}")


@dataclass(frozen=True)
class Rule:
    key: str
    label: str
    conditions: tuple[Condition, ...]
    match: str = "all"  # "all": every condition holds; "any": at least one
    outcome: str = ""  # the decision; empty when the rule refers to a person
    refer: bool = False
    reason: str = ""  # why a person must decide
    legal_basis: str = ""
    facts: tuple[str, ...] = ()  # input keys the rule depends on beyond its conditions
    keywords: tuple[str, ...] = ()  # words that name the result in an explanation

    @property
    def result(self) -> str:
        """What the rule decides, as compared by counterfactuals: a person, or the outcome."""
        return REFER if self.refer else self.outcome

    @property
    def is_fallback(self) -> bool:
        return not self.conditions

    def applies(self, values: dict) -> bool:
        if not self.conditions:
            return True
        checks = (condition.holds(values[condition.input]) for condition in self.conditions)
        return all(checks) if self.match == "all" else any(checks)

    def inputs(self) -> tuple[str, ...]:
        seen = []
        for key in [c.input for c in self.conditions] + list(self.facts):
            if key not in seen:
                seen.append(key)
        return tuple(seen)


@dataclass(frozen=True)
class RuleSet:
    inputs: tuple[InputSpec, ...]
    rules: tuple[Rule, ...]
    _by_key: dict = field(default=None, compare=False, repr=False)

    def spec(self, key: str) -> InputSpec:
        for spec in self.inputs:
            if spec.key == key:
                return spec
        raise KeyError(key)

    def start_values(self) -> dict:
        return {spec.key: spec.start for spec in self.inputs}


# Parsing authored and submitted values ---------------------------------------------------


def parse_value(spec_kind: str, raw, *, choices=()) -> object:
    """Authored or submitted text as a value of the kind; ``ValueError`` if it is not one."""
    if spec_kind in ("number", "money"):
        if isinstance(raw, bool):
            raise ValueError(raw)
        if isinstance(raw, int | Decimal):
            return Decimal(raw)
        text = str(raw).strip().replace("\u00a0", "").replace(" ", "").replace("€", "")
        if "," in text:  # German notation: 1.234,56
            text = text.replace(".", "").replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation as error:
            raise ValueError(raw) from error
        if not number.is_finite():
            raise ValueError(raw)
        return number
    if spec_kind == "date":
        if isinstance(raw, dt.date):
            return raw
        text = str(raw).strip()
        for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
            try:
                return dt.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        raise ValueError(raw)
    if spec_kind == "boolean":
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("1", "true", "yes", "ja", "on"):
            return True
        if text in ("0", "false", "no", "nein", "off", ""):
            return False
        raise ValueError(raw)
    if spec_kind == "choice":
        text = str(raw).strip()
        if text not in choices:
            raise ValueError(raw)
        return text
    raise ValueError(spec_kind)


def _split(text) -> tuple[str, ...]:
    return tuple(part.strip() for part in str(text or "").split(",") if part.strip())


def _input_from_data(data: dict, position: int) -> InputSpec:
    where = f"inputs.{position}"
    key = str(data.get("key") or "").strip()
    if not key or not key.replace("_", "").isalnum():
        raise RuleSetError(
            "Ein Eingabefeld braucht einen Schlüssel aus Buchstaben, Ziffern und _.", where
        )
    kind = data.get("kind")
    if kind not in KINDS:
        raise RuleSetError(f"Unbekannter Typ {kind!r}.", where)
    choices = ()
    if kind == "choice":
        pairs = []
        for item in _split(data.get("choices")):
            value, _sep, label = item.partition("=")
            pairs.append((value.strip(), (label or value).strip()))
        choices = tuple(pairs)
        if len(choices) < 2:
            raise RuleSetError("Eine Auswahl braucht mindestens zwei Optionen.", where)
    keys = tuple(k for k, _label in choices)
    minimum = maximum = None
    step = Decimal(1)
    try:
        if kind in NUMERIC_KINDS:
            minimum = parse_value(kind, data.get("minimum"))
            maximum = parse_value(kind, data.get("maximum"))
            if kind != "date" and data.get("step") not in (None, ""):
                step = parse_value("number", data.get("step"))
            elif kind == "money" and data.get("step") in (None, ""):
                step = Decimal("0.01")
        start = parse_value(kind, data.get("start"), choices=keys)
    except ValueError as error:
        raise RuleSetError(
            "Mindestwert, Höchstwert, Schrittweite oder Startwert passen nicht zum Typ.", where
        ) from error
    if kind in NUMERIC_KINDS:
        if step <= 0:
            raise RuleSetError("Die Schrittweite muss größer als 0 sein.", where)
        if minimum > maximum:
            raise RuleSetError("Der Mindestwert ist größer als der Höchstwert.", where)
        if not minimum <= start <= maximum:
            raise RuleSetError("Der Startwert liegt außerhalb des Bereichs.", where)
    return InputSpec(
        key=key,
        label=str(data.get("label") or key),
        kind=kind,
        unit=str(data.get("unit") or ""),
        minimum=minimum,
        maximum=maximum,
        step=step,
        choices=choices,
        start=start,
    )


def _condition_from_data(data: dict, specs: dict, where: str) -> Condition:
    key = str(data.get("input") or "").strip()
    if key not in specs:
        raise RuleSetError(f"Die Bedingung nennt das unbekannte Eingabefeld „{key}“.", where)
    spec = specs[key]
    operator = data.get("operator")
    if operator not in OPERATORS_BY_KIND[spec.kind]:
        raise RuleSetError(
            f"Der Vergleich {operator!r} passt nicht zum Typ von „{spec.label}“.", where
        )
    keys = tuple(k for k, _label in spec.choices)
    try:
        if operator in ("is_true", "is_false"):
            return Condition(input=key, operator=operator)
        if operator in ("in", "not_in"):
            values = tuple(parse_value("choice", v, choices=keys) for v in _split(data["value"]))
            if not values:
                raise ValueError(data["value"])
            return Condition(input=key, operator=operator, values=values)
        value = parse_value(spec.kind, data.get("value"), choices=keys)
        value2 = None
        if operator == "between":
            value2 = parse_value(spec.kind, data.get("value2"), choices=keys)
            if value2 < value:
                raise RuleSetError(
                    "Bei „zwischen“ ist der zweite Wert kleiner als der erste.", where
                )
        return Condition(input=key, operator=operator, value=value, value2=value2)
    except (ValueError, KeyError) as error:
        if isinstance(error, RuleSetError):
            raise
        raise RuleSetError(
            f"Der Vergleichswert passt nicht zum Typ von „{spec.label}“.", where
        ) from error


def ruleset_from_data(data: dict) -> RuleSet:
    """The rule set of a block value (plain dicts and lists), or ``RuleSetError``."""
    inputs = tuple(_input_from_data(item, i) for i, item in enumerate(data.get("inputs") or ()))
    if not inputs:
        raise RuleSetError("Der Fall braucht mindestens ein Eingabefeld.", "inputs")
    specs = {}
    for position, spec in enumerate(inputs):
        if spec.key in specs:
            raise RuleSetError(
                f"Der Schlüssel „{spec.key}“ kommt doppelt vor.", f"inputs.{position}"
            )
        specs[spec.key] = spec
    rules = []
    for position, item in enumerate(data.get("rules") or ()):
        where = f"rules.{position}"
        conditions = tuple(
            _condition_from_data(c, specs, f"{where}.conditions.{j}")
            for j, c in enumerate(item.get("conditions") or ())
        )
        facts = _split(item.get("facts"))
        for fact in facts:
            if fact not in specs:
                raise RuleSetError(f"Die Regel nennt die unbekannte Tatsache „{fact}“.", where)
        refer = bool(item.get("refer"))
        outcome = str(item.get("outcome") or "").strip()
        if not refer and not outcome:
            raise RuleSetError(
                "Eine Regel braucht ein Ergebnis oder die Abgabe an einen Menschen.", where
            )
        rules.append(
            Rule(
                key=f"R{position + 1}",
                label=str(item.get("label") or f"Regel {position + 1}"),
                conditions=conditions,
                match="any" if item.get("match") == "any" else "all",
                outcome=outcome,
                refer=refer,
                reason=str(item.get("reason") or "").strip(),
                legal_basis=str(item.get("legal_basis") or "").strip(),
                facts=facts,
                keywords=_split(item.get("keywords")),
            )
        )
    if not rules:
        raise RuleSetError("Die Entscheidungstabelle braucht mindestens eine Regel.", "rules")
    return RuleSet(inputs=inputs, rules=tuple(rules))


def values_from_form(ruleset: RuleSet, raw: dict, *, prefix: str = "") -> tuple[dict, dict]:
    """Submitted values (missing ones: the start value) and the errors by input key.

    A value must be of the input's kind, inside its range and on its step.
    """
    values, errors = {}, {}
    for spec in ruleset.inputs:
        name = f"{prefix}{spec.key}"
        if spec.kind == "boolean":
            present = name in raw or f"{name}__shown" in raw
            text = raw.get(name, "0") if present else None
        else:
            text = raw.get(name)
        if text is None or (spec.kind != "boolean" and str(text).strip() == ""):
            values[spec.key] = spec.start
            if text is not None:
                errors[spec.key] = "Bitte geben Sie einen Wert ein."
            continue
        try:
            value = parse_value(
                spec.kind, text, choices=spec.domain() if spec.kind == "choice" else ()
            )
        except ValueError:
            values[spec.key] = spec.start
            errors[spec.key] = "Dieser Wert passt nicht zum Feld."
            continue
        if spec.numeric:
            if not spec.minimum <= value <= spec.maximum:
                values[spec.key] = spec.start
                errors[spec.key] = "Der Wert liegt außerhalb des zulässigen Bereichs."
                continue
            offset = spec.as_number(value) - spec.as_number(spec.minimum)
            if offset % spec.step != 0:
                values[spec.key] = spec.start
                errors[spec.key] = "Der Wert liegt nicht auf der Schrittweite des Feldes."
                continue
        values[spec.key] = value
    return values, errors


def format_value(spec: InputSpec, value) -> str:
    """A value as German text (``1.234,50 €``, ``01.03.2026``, ``ja``)."""
    if spec.kind == "boolean":
        return "ja" if value else "nein"
    if spec.kind == "choice":
        return spec.choice_label(value)
    if spec.kind == "date":
        return value.strftime("%d.%m.%Y")
    number = Decimal(value)
    if spec.kind == "money":
        text = f"{number:,.2f}"
    elif number == number.to_integral_value():
        text = f"{int(number):,}"
    else:
        text = f"{number:,}"
    text = text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    unit = spec.unit or ("€" if spec.kind == "money" else "")
    return f"{text} {unit}".strip()


def value_text(value) -> object:
    """A value for a statement: numbers and dates as text, choices and yes/no as they are."""
    if isinstance(value, bool):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
