"""Framework file formats: parse into ``FrameworkData`` and write from it. No database.

Supported:
- DigComp 3.0 JSON-LD data supplement (``@graph`` of CompetenceArea, Competence,
  ProficiencyLevel, CompetenceStatement, LearningOutcome).
- IMS CASE 1.0 JSON packages (``CFDocument``, ``CFItems``, ``CFAssociations`` with
  ``isChildOf``, optional ``CFRubrics`` whose criterion levels become the scale and the
  per-level statements).
- The platform CSV (documented at ``parse_csv`` and in README.md).

Every parser raises ``FormatProblem`` with the location of the first problem it finds
(JSON path or CSV line and column); nothing is imported from a file with a problem.
"""

import csv
import io
import json
import re
import uuid
from dataclasses import dataclass, field

from competencies import iris
from competencies.rules import MAX_RANK
from lms.spreadsheets import csv_row, csv_text_restore, csv_writer


class FormatProblem(ValueError):
    def __init__(self, location: str, message: str):
        super().__init__(f"{location}: {message}")
        self.location = location
        self.message = message


@dataclass
class LevelData:
    rank: int
    code: str
    name: str
    band: str = ""
    description: str = ""
    uri: str = ""


@dataclass
class ScaleData:
    key: str
    name: str
    uri: str = ""
    description: str = ""
    levels: list[LevelData] = field(default_factory=list)


@dataclass
class CompetencyData:
    code: str
    name: str
    kind: str  # "area" | "competency"
    uri: str = ""
    description: str = ""
    parent_code: str = ""
    position: int = 0


@dataclass
class StatementData:
    competency_code: str
    kind: str  # "statement" | "outcome"
    identifier: str
    text: str
    level_rank: int | None = None
    band: str = ""
    outcome_type: str = ""
    position: int = 0


@dataclass
class FrameworkData:
    key: str
    title: str
    uri: str = ""
    version: str = ""
    source: str = ""
    description: str = ""
    # Language of the competency names and descriptions (ISO 639-1), "" when unknown.
    language: str = ""
    scale: ScaleData | None = None
    competencies: list[CompetencyData] = field(default_factory=list)
    statements: list[StatementData] = field(default_factory=list)

    def fill_uris(self) -> None:
        """Give every item without a URI the platform's stable URI."""
        self.uri = self.uri or iris.framework_uri(self.key)
        if self.scale:
            self.scale.uri = self.scale.uri or iris.scale_uri(self.scale.key)
            for level in self.scale.levels:
                level.uri = level.uri or iris.level_uri(self.scale.key, level.rank)
        for comp in self.competencies:
            comp.uri = comp.uri or iris.competency_uri(self.key, comp.code)

    def validate(self) -> None:
        """Structural checks shared by every format."""
        if not self.scale or not self.scale.levels:
            raise FormatProblem("scale", "the framework has no proficiency levels")
        ranks = sorted(level.rank for level in self.scale.levels)
        if len(ranks) > MAX_RANK:
            raise FormatProblem(
                "scale", f"a scale has at most {MAX_RANK} levels, this one has {len(ranks)}"
            )
        if ranks != list(range(1, len(ranks) + 1)):
            raise FormatProblem("scale", f"level ranks must be 1..n without gaps, got {ranks}")
        codes = {}
        for index, comp in enumerate(self.competencies):
            if comp.code in codes:
                raise FormatProblem(f"competency {comp.code}", "the code is used twice")
            codes[comp.code] = comp
            if not comp.name.strip():
                raise FormatProblem(f"competency {comp.code}", "the name is empty")
            comp.position = comp.position or index + 1
        for comp in self.competencies:
            if comp.parent_code and comp.parent_code not in codes:
                raise FormatProblem(
                    f"competency {comp.code}", f"unknown parent '{comp.parent_code}'"
                )
        for comp in self.competencies:  # no cycles
            seen, node = set(), comp
            while node.parent_code:
                if node.code in seen:
                    raise FormatProblem(f"competency {comp.code}", "the tree has a cycle")
                seen.add(node.code)
                node = codes[node.parent_code]
        max_rank = len(ranks)
        bands = {level.band for level in self.scale.levels if level.band}
        identifiers = set()
        for st in self.statements:
            where = f"statement {st.identifier}"
            if st.competency_code not in codes:
                raise FormatProblem(where, f"unknown competency '{st.competency_code}'")
            if (st.competency_code, st.identifier) in identifiers:
                raise FormatProblem(where, "the identifier is used twice")
            identifiers.add((st.competency_code, st.identifier))
            if st.level_rank is not None and not 1 <= st.level_rank <= max_rank:
                raise FormatProblem(where, f"level {st.level_rank} is not on the scale")
            if st.band and st.band not in bands:
                raise FormatProblem(where, f"unknown band '{st.band}'")
            if not st.text.strip():
                raise FormatProblem(where, "the text is empty")


# --------------------------------------------------------------------------- detection


def detect_format(name: str, content: bytes) -> str:
    """'digcomp-jsonld', 'case-json' or 'csv' — from the content, the file name as a hint."""
    head = content.lstrip()[:1]
    if head in (b"{", b"["):
        data = _load_json(content)
        if isinstance(data, dict) and "@graph" in data:
            return "digcomp-jsonld"
        if isinstance(data, dict) and "CFDocument" in data:
            return "case-json"
        raise FormatProblem("$", "JSON file is neither DigComp JSON-LD nor an IMS CASE package")
    if name.lower().endswith(".csv") or b"," in content[:200]:
        return "csv"
    raise FormatProblem(name, "unknown file format (expected JSON-LD, CASE JSON or CSV)")


def parse(name: str, content: bytes, *, key: str | None = None) -> FrameworkData:
    kind = detect_format(name, content)
    if kind == "digcomp-jsonld":
        data = parse_digcomp(_load_json(content), key=key or "digcomp")
    elif kind == "case-json":
        data = parse_case(_load_json(content), key=key)
    else:
        data = parse_csv(content)
        if key:
            data.key = key
    data.fill_uris()
    data.validate()
    return data


def _load_json(content: bytes):
    try:
        return json.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise FormatProblem(f"byte {exc.start}", "the file is not UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise FormatProblem(f"line {exc.lineno}, column {exc.colno}", exc.msg) from exc


def _require(obj: dict, name: str, where: str):
    value = obj.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise FormatProblem(where, f"'{name}' is missing")
    return value


# --------------------------------------------------------------------------- DigComp

DIGCOMP_BANDS = ["Basic", "Intermediate", "Advanced", "Highly advanced"]
DIGCOMP_SOURCE = (
    "DigComp 3.0, European Commission, Joint Research Centre (JRC144121), data supplement "
    "of 24 Nov 2025; © European Union, CC BY 4.0"
)


def parse_digcomp(data: dict, *, key: str = "digcomp") -> FrameworkData:
    graph = data.get("@graph")
    if not isinstance(graph, list):
        raise FormatProblem("$.@graph", "expected a list of objects")
    scale = ScaleData(key="digcomp-8", name="DigComp 3.0 – 8 Kompetenzstufen in 4 Bereichen")
    framework = FrameworkData(
        key=key,
        title="DigComp 3.0 – Europäischer Referenzrahmen für digitale Kompetenzen",
        version="3.0 (2025-11-24)",
        source=DIGCOMP_SOURCE,
        language="en",  # the data supplement is published in English only
        scale=scale,
    )
    areas, competences = {}, {}
    statement_counters: dict[str, int] = {}
    for index, obj in enumerate(graph):
        where = f"$.@graph[{index}]"
        if not isinstance(obj, dict):
            raise FormatProblem(where, "expected an object")
        kind = obj.get("@type")
        ident = obj.get("@id", "")
        if ident:
            where = f"{where} ({ident})"
        if kind == "CompetenceArea":
            code = _require(obj, "@id", where).split("/")[-1]
            areas[ident] = code
            framework.competencies.append(
                CompetencyData(
                    code=code,
                    name=_require(obj, "name", where),
                    description=obj.get("description", ""),
                    kind="area",
                )
            )
        elif kind == "Competence":
            code = _require(obj, "@id", where).split("/")[-1]
            area = _require(obj, "competence_area_id", where)
            if area not in areas:
                raise FormatProblem(where, f"unknown competence area '{area}'")
            competences[ident] = code
            framework.competencies.append(
                CompetencyData(
                    code=code,
                    name=_require(obj, "name", where),
                    description=obj.get("description", ""),
                    kind="competency",
                    parent_code=areas[area],
                )
            )
        elif kind == "ProficiencyLevel":
            rank = _require(obj, "eight_levels_mapping", where)
            if not isinstance(rank, int) or isinstance(rank, bool):
                raise FormatProblem(where, "'eight_levels_mapping' must be a number")
            _check_rank(rank, where)
            band = _require(obj, "four_levels_name", where)
            if band not in DIGCOMP_BANDS:
                raise FormatProblem(where, f"unknown band '{band}'")
            scale.levels.append(
                LevelData(
                    rank=rank,
                    code=str(rank),
                    name=f"{band} {rank}",
                    band=band,
                    description=obj.get("eight_levels_description", ""),
                )
            )
        elif kind in ("CompetenceStatement", "LearningOutcome"):
            comp = _require(obj, "competence_id", where)
            if comp not in competences:
                raise FormatProblem(where, f"unknown competence '{comp}'")
            band = _require(obj, "four_levels_proficiency_name", where).split("/")[-1]
            if band not in DIGCOMP_BANDS:
                raise FormatProblem(where, f"unknown proficiency band '{band}'")
            code = competences[comp]
            statement_counters[code] = statement_counters.get(code, 0) + 1
            framework.statements.append(
                StatementData(
                    competency_code=code,
                    kind="statement" if kind == "CompetenceStatement" else "outcome",
                    identifier=_require(obj, "@id", where),
                    text=_require(obj, "description", where),
                    band=band,
                    outcome_type=obj.get("type", ""),
                    position=statement_counters[code],
                )
            )
        # Glossary terms and unknown types are not part of the competency model.
    if not competences:
        raise FormatProblem("$.@graph", "no Competence objects found")
    return framework


# --------------------------------------------------------------------------- IMS CASE 1.0

CASE_DEFAULT_LEVELS = [
    ("1", "Grundlegend"),
    ("2", "Selbstständig"),
    ("3", "Fortgeschritten"),
    ("4", "Expertise"),
]


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:50] or "framework"


def _language_code(value) -> str:
    """ "en", "en-GB" or "EN" -> "en"; anything else -> "" (unknown)."""
    if not isinstance(value, str):
        return ""
    code = value.strip().split("-")[0].lower()
    return code if len(code) == 2 and code.isalpha() else ""


def parse_case(data: dict, *, key: str | None = None) -> FrameworkData:
    doc = data.get("CFDocument")
    if not isinstance(doc, dict):
        raise FormatProblem("$.CFDocument", "expected an object")
    title = _require(doc, "title", "$.CFDocument")
    doc_uri = _require(doc, "uri", "$.CFDocument")
    doc_id = _require(doc, "identifier", "$.CFDocument")
    framework = FrameworkData(
        key=key or _slug(title),
        title=title,
        uri=doc_uri,
        version=str(doc.get("version") or doc.get("adoptionStatus") or ""),
        source=doc.get("creator", "") or doc.get("publisher", ""),
        description=doc.get("description", ""),
        language=_language_code(doc.get("language")),
    )
    items = data.get("CFItems") or []
    if not isinstance(items, list):
        raise FormatProblem("$.CFItems", "expected a list")
    by_id: dict[str, CompetencyData] = {}
    code_of: dict[str, str] = {}
    used_codes: set[str] = set()
    for index, item in enumerate(items):
        where = f"$.CFItems[{index}]"
        if not isinstance(item, dict):
            raise FormatProblem(where, "expected an object")
        ident = _require(item, "identifier", where)
        if ident in by_id:
            raise FormatProblem(where, f"identifier '{ident}' is used twice")
        statement = _require(item, "fullStatement", where)
        code = (item.get("humanCodingScheme") or "").strip() or ident
        if code in used_codes:
            code = ident
        used_codes.add(code)
        comp = CompetencyData(
            code=code[:60],
            name=(item.get("abbreviatedStatement") or statement)[:300],
            description=statement,
            kind="competency",
            uri=_require(item, "uri", where),
            position=index + 1,
        )
        by_id[ident] = comp
        code_of[ident] = comp.code
    uri_to_id = {c.uri: i for i, c in by_id.items()}

    def node_id(ref, where):
        if not isinstance(ref, dict):
            raise FormatProblem(where, "expected a LinkURI object")
        ident = ref.get("identifier")
        if ident in by_id or ident == doc_id:
            return ident
        if ref.get("uri") in uri_to_id:
            return uri_to_id[ref["uri"]]
        if ref.get("uri") == doc_uri:
            return doc_id
        raise FormatProblem(where, f"refers to unknown item '{ident or ref.get('uri')}'")

    associations = data.get("CFAssociations") or []
    if not isinstance(associations, list):
        raise FormatProblem("$.CFAssociations", "expected a list")
    for index, assoc in enumerate(associations):
        where = f"$.CFAssociations[{index}]"
        if not isinstance(assoc, dict):
            raise FormatProblem(where, "expected an object")
        if assoc.get("associationType") != "isChildOf":
            continue
        child = node_id(_require(assoc, "originNodeURI", where), f"{where}.originNodeURI")
        parent = node_id(
            _require(assoc, "destinationNodeURI", where), f"{where}.destinationNodeURI"
        )
        if child == doc_id:
            raise FormatProblem(where, "the document cannot be a child")
        if parent != doc_id:
            by_id[child].parent_code = code_of[parent]
            if assoc.get("sequenceNumber") is not None:
                by_id[child].position = int(assoc["sequenceNumber"])
    parents = {c.parent_code for c in by_id.values() if c.parent_code}
    for comp in by_id.values():
        if comp.code in parents:
            comp.kind = "area"
    framework.competencies = list(by_id.values())

    rubrics = data.get("CFRubrics") or []
    if not isinstance(rubrics, list):
        raise FormatProblem("$.CFRubrics", "expected a list")
    scale_key = f"{framework.key}-scale"[:60]
    scale = ScaleData(key=scale_key, name=f"{title} – Stufen")
    for r_index, rubric in enumerate(rubrics):
        criteria = rubric.get("CFRubricCriteria") or []
        for c_index, criterion in enumerate(criteria):
            where = f"$.CFRubrics[{r_index}].CFRubricCriteria[{c_index}]"
            item_ref = criterion.get("CFItemURI") or {}
            item_id = criterion.get("CFItemIdentifier") or node_id(item_ref, f"{where}.CFItemURI")
            if item_id not in by_id:
                raise FormatProblem(where, f"refers to unknown item '{item_id}'")
            levels = criterion.get("CFRubricCriterionLevels") or []
            ordered = sorted(
                enumerate(levels),
                key=lambda pair: (pair[1].get("position", pair[0]), pair[0]),
            )
            for rank, (l_index, level) in enumerate(ordered, start=1):
                lwhere = f"{where}.CFRubricCriterionLevels[{l_index}]"
                _check_rank(rank, lwhere)
                quality = (level.get("quality") or "").strip() or f"Level {rank}"
                if len(scale.levels) < rank:
                    scale.levels.append(LevelData(rank=rank, code=str(rank), name=quality))
                text = (level.get("description") or "").strip()
                if text:
                    framework.statements.append(
                        StatementData(
                            competency_code=code_of[item_id],
                            kind="statement",
                            identifier=_require(level, "identifier", lwhere),
                            text=text,
                            level_rank=rank,
                            position=rank,
                        )
                    )
    if not scale.levels:
        scale.levels = [
            LevelData(rank=int(code), code=code, name=name) for code, name in CASE_DEFAULT_LEVELS
        ]
    framework.scale = scale
    if not framework.competencies:
        raise FormatProblem("$.CFItems", "the package has no items")
    return framework


def to_case(framework: FrameworkData) -> dict:
    """An IMS CASE 1.0 package; the scale and level statements travel as a CFRubric."""
    doc_id = _case_id(framework.uri)
    doc_ref = {"title": framework.title, "identifier": doc_id, "uri": framework.uri}
    items, associations, criteria = [], [], []
    by_code = {c.code: c for c in framework.competencies}
    statements_by_comp: dict[str, list[StatementData]] = {}
    for st in framework.statements:
        statements_by_comp.setdefault(st.competency_code, []).append(st)
    for comp in framework.competencies:
        item_ref = {"title": comp.name, "identifier": _case_id(comp.uri), "uri": comp.uri}
        items.append(
            {
                "identifier": item_ref["identifier"],
                "uri": comp.uri,
                "fullStatement": comp.description or comp.name,
                "abbreviatedStatement": comp.name,
                "humanCodingScheme": comp.code,
                "CFItemType": "Competency Area" if comp.kind == "area" else "Competency",
                "CFDocumentURI": doc_ref,
            }
        )
        parent = by_code.get(comp.parent_code)
        destination = (
            {"title": parent.name, "identifier": _case_id(parent.uri), "uri": parent.uri}
            if parent
            else doc_ref
        )
        associations.append(
            {
                "identifier": _case_id(f"{comp.uri}#isChildOf"),
                "uri": f"{comp.uri}#isChildOf",
                "associationType": "isChildOf",
                "sequenceNumber": comp.position,
                "originNodeURI": item_ref,
                "destinationNodeURI": destination,
                "CFDocumentURI": doc_ref,
            }
        )
        if comp.kind != "competency":
            continue
        levels = []
        for level in framework.scale.levels:
            texts = [
                s.text
                for s in statements_by_comp.get(comp.code, [])
                if s.kind == "statement" and (s.level_rank == level.rank or s.band == level.band)
            ]
            levels.append(
                {
                    "identifier": _case_id(f"{comp.uri}#level-{level.rank}"),
                    "uri": f"{comp.uri}#level-{level.rank}",
                    "quality": level.name,
                    "score": level.rank,
                    "position": level.rank,
                    "description": " ".join(texts),
                }
            )
        criteria.append(
            {
                "identifier": _case_id(f"{comp.uri}#criterion"),
                "uri": f"{comp.uri}#criterion",
                "CFItemURI": item_ref,
                "position": comp.position,
                "CFRubricCriterionLevels": levels,
            }
        )
    return {
        "CFDocument": {
            "identifier": doc_id,
            "uri": framework.uri,
            "title": framework.title,
            "version": framework.version,
            "creator": framework.source or "Qualifica Digitalis",
            "description": framework.description,
            "language": framework.language or "de",
        },
        "CFItems": items,
        "CFAssociations": associations,
        "CFRubrics": [
            {
                "identifier": _case_id(f"{framework.uri}#rubric"),
                "uri": f"{framework.uri}#rubric",
                "title": framework.scale.name,
                "CFRubricCriteria": criteria,
            }
        ],
    }


def _case_id(uri: str) -> str:
    """CASE identifiers are UUIDs; derive a stable one from the URI."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, uri))


# --------------------------------------------------------------------------- CSV

CSV_COLUMNS = ["type", "id", "parent", "rank", "band", "name", "description", "uri", "version"]


def parse_csv(content: bytes) -> FrameworkData:
    """Parse the platform CSV.

    One framework per file, UTF-8 (a byte-order mark is allowed), separated by semicolons
    (as the platform writes it, for Excel with German settings) or commas, with this header:

        type;id;parent;rank;band;name;description;uri;version

    Row types (columns not listed stay empty):
    - framework   id = framework key, name = title, description, uri, version,
                  band = source / publisher (exactly one framework row, first)
    - scale       id = scale key, name, description, uri (exactly one scale row)
    - level       id = level code, rank (1..n, n ≤ 20), band (optional group), name,
                  description, uri
    - area        id = code, parent = code of a parent area (optional), name, description, uri
    - competency  id = code, parent = area code, name, description, uri
    - statement   id = identifier, parent = competency code, rank (one level) or band,
                  description = text
    - outcome     like statement; name = outcome type (Knowledge, Skill, Attitude)

    Empty uri columns get the platform's stable URIs. Re-importing updates by identifier.
    A value beginning with = + - @ (or an apostrophe) is exported with one more leading
    apostrophe, so spreadsheets show it as text; the import removes that apostrophe again.
    """
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatProblem(f"byte {exc.start}", "the file is not UTF-8") from exc
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration as exc:
        raise FormatProblem("line 1", "the file is empty") from exc
    missing = [c for c in CSV_COLUMNS if c not in header]
    if missing:
        raise FormatProblem("line 1", f"missing columns: {', '.join(missing)}")
    framework: FrameworkData | None = None
    scale: ScaleData | None = None
    counters: dict[str, int] = {}
    for row_values in reader:
        line = reader.line_num
        if not any(v.strip() for v in row_values):
            continue
        if len(row_values) != len(header):
            raise FormatProblem(
                f"line {line}", f"expected {len(header)} columns, found {len(row_values)}"
            )
        row = {h: csv_text_restore(v.strip()) for h, v in zip(header, row_values, strict=True)}
        kind = row["type"]

        def need(column, row=row, line=line):
            if not row[column]:
                raise FormatProblem(f"line {line}, column '{column}'", "value is missing")
            return row[column]

        if kind != "framework" and framework is None:
            raise FormatProblem(f"line {line}", "the first row must be the framework row")
        if kind == "framework":
            if framework is not None:
                raise FormatProblem(f"line {line}", "a second framework row")
            framework = FrameworkData(
                key=need("id"),
                title=need("name"),
                uri=row["uri"],
                version=row["version"],
                source=row["band"],
                description=row["description"],
            )
        elif kind == "scale":
            if scale is not None:
                raise FormatProblem(f"line {line}", "a second scale row")
            scale = ScaleData(
                key=need("id"), name=need("name"), uri=row["uri"], description=row["description"]
            )
            framework.scale = scale
        elif kind == "level":
            if scale is None:
                raise FormatProblem(f"line {line}", "a level row before the scale row")
            scale.levels.append(
                LevelData(
                    rank=_check_rank(
                        _int(need("rank"), f"line {line}, column 'rank'"),
                        f"line {line}, column 'rank'",
                    ),
                    code=need("id"),
                    name=need("name"),
                    band=row["band"],
                    description=row["description"],
                    uri=row["uri"],
                )
            )
        elif kind in ("area", "competency"):
            framework.competencies.append(
                CompetencyData(
                    code=need("id"),
                    name=need("name"),
                    kind=kind,
                    uri=row["uri"],
                    description=row["description"],
                    parent_code=row["parent"],
                )
            )
        elif kind in ("statement", "outcome"):
            comp = need("parent")
            counters[comp] = counters.get(comp, 0) + 1
            framework.statements.append(
                StatementData(
                    competency_code=comp,
                    kind=kind,
                    identifier=need("id"),
                    text=need("description"),
                    level_rank=_int(row["rank"], f"line {line}, column 'rank'")
                    if row["rank"]
                    else None,
                    band=row["band"],
                    outcome_type=row["name"] if kind == "outcome" else "",
                    position=counters[comp],
                )
            )
        else:
            raise FormatProblem(f"line {line}, column 'type'", f"unknown row type '{kind}'")
    if framework is None:
        raise FormatProblem("line 2", "no framework row")
    if scale is None:
        raise FormatProblem("end of file", "no scale row")
    return framework


def _check_rank(rank: int, where: str) -> int:
    if not 1 <= rank <= MAX_RANK:
        raise FormatProblem(where, f"level rank {rank} is outside 1..{MAX_RANK}")
    return rank


def _int(value: str, where: str) -> int:
    try:
        return int(value)
    except ValueError as exc:
        raise FormatProblem(where, f"'{value}' is not a whole number") from exc


def to_csv(framework: FrameworkData) -> str:
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(CSV_COLUMNS)

    def row(**values):
        writer.writerow(csv_row(values.get(c, "") for c in CSV_COLUMNS))

    row(
        type="framework",
        id=framework.key,
        name=framework.title,
        description=framework.description,
        uri=framework.uri,
        version=framework.version,
        band=framework.source,
    )
    scale = framework.scale
    row(type="scale", id=scale.key, name=scale.name, description=scale.description, uri=scale.uri)
    for level in scale.levels:
        row(
            type="level",
            id=level.code,
            rank=level.rank,
            band=level.band,
            name=level.name,
            description=level.description,
            uri=level.uri,
        )
    for comp in framework.competencies:
        row(
            type=comp.kind,
            id=comp.code,
            parent=comp.parent_code,
            name=comp.name,
            description=comp.description,
            uri=comp.uri,
        )
    for st in framework.statements:
        row(
            type=st.kind,
            id=st.identifier,
            parent=st.competency_code,
            rank=st.level_rank or "",
            band=st.band,
            name=st.outcome_type,
            description=st.text,
        )
    return out.getvalue()
