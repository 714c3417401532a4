"""The building blocks of a lesson. Each block has its own template, an icon and a preview."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from courses.knowledge_check import KnowledgeCheckBlock
from courses.simulator import rules, validation

BLOCK_TEMPLATE = "courses/blocks/{}.html"
PREVIEW_TEMPLATE = "courses/blocks/preview.html"
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (h2)")), ("h3", _("Subheading (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = BLOCK_TEMPLATE.format("heading")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "text": "Warum Datenqualität über gute Bescheide entscheidet",
            "level": "h2",
        }
        description = _("A section heading that structures the lesson.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = BLOCK_TEMPLATE.format("paragraph")
        preview_template = PREVIEW_TEMPLATE
        preview_value = (
            "<p>Verwaltungsdaten entstehen im Vollzug: Sie spiegeln wider, <strong>wer</strong> "
            "einen Antrag stellt, nicht die gesamte Bevölkerung.</p>"
        )
        description = _("Running text with emphasis, lists and links.")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=300,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    source = blocks.CharBlock(label=_("Source / licence"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = BLOCK_TEMPLATE.format("image")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "alt_text": "Balkendiagramm: Anträge je Monat, mit abgeschnittener y-Achse",
            "caption": "Eine abgeschnittene Achse lässt kleine Unterschiede groß wirken.",
        }
        description = _("An image with required alternative text.")


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    video_file = DocumentChooserBlock(
        label=_("Video file"), required=False, help_text=_("An MP4 or WebM file.")
    )
    captions = DocumentChooserBlock(
        label=_("Captions (WebVTT)"),
        required=False,
        help_text=_("Required for a video file: a .vtt captions track."),
    )
    captions_language = blocks.CharBlock(label=_("Captions language"), default="de", max_length=10)
    embed = EmbedBlock(
        label=_("Embedded video"),
        required=False,
        help_text=_("Alternatively, the address of a video on an approved platform."),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"), required=False, features=RICH_TEXT_FEATURES
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = BLOCK_TEMPLATE.format("video")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "title": "Ein Bescheid aus dem Automaten – was Bürgerinnen und Bürger erfahren",
            "captions_language": "de",
            "transcript": "<p>Die Sachbearbeiterin erklärt, welche Angaben der Bescheid "
            "enthält und wie eine Überprüfung durch einen Menschen beantragt wird.</p>",
        }
        description = _("A video file with a captions track, or an embedded video.")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        has_file, has_embed = bool(value.get("video_file")), bool(value.get("embed"))
        if has_file == has_embed:
            message = _("Choose either a video file or an embedded video.")
            errors["video_file"] = ErrorList([ValidationError(message)])
            errors["embed"] = ErrorList([ValidationError(message)])
        elif has_file and not value.get("captions"):
            errors["captions"] = ErrorList(
                [ValidationError(_("A video file needs a captions track."))]
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class InfoBoxBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("info", _("Information")),
            ("hint", _("Tip")),
            ("warning", _("Warning")),
            ("law", _("Legal basis")),
        ],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    body = blocks.RichTextBlock(label=_("Body"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "info-circle"
        label = _("Info box")
        template = BLOCK_TEMPLATE.format("info_box")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "kind": "law",
            "title": "§ 39 Abs. 1 VwVfG",
            "body": "<p>Ein schriftlicher Verwaltungsakt ist mit einer Begründung zu versehen. "
            "In der Begründung sind die wesentlichen tatsächlichen und rechtlichen Gründe "
            "mitzuteilen.</p>",
        }
        description = _("A highlighted note: information, tip, warning or legal basis.")


class CaseStudyBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    scenario = blocks.RichTextBlock(label=_("Scenario"), features=RICH_TEXT_FEATURES)
    questions = blocks.ListBlock(
        blocks.CharBlock(label=_("Question"), max_length=500), label=_("Guiding questions")
    )
    model_answer = blocks.RichTextBlock(label=_("Model answer"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        label = _("Case study")
        template = BLOCK_TEMPLATE.format("case_study")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "title": "Der Wohngeldantrag von Frau K.",
            "scenario": "<p>Frau K. erhält einen automatisch erstellten Ablehnungsbescheid "
            "und ruft an: Sie versteht nicht, warum ihr Einkommen zu hoch sein soll.</p>",
            "questions": [
                "Welche Angaben hat das Verfahren zugrunde gelegt?",
                "Wann muss der Fall von einer Sachbearbeiterin geprüft werden?",
            ],
            "model_answer": "<p>Zuerst die berücksichtigten Einkommensangaben mit ihr "
            "durchgehen; weicht ihr Vortrag ab, ist der Fall nach § 24 Abs. 1 Satz 3 VwVfG "
            "individuell zu prüfen.</p>",
        }
        description = _("A realistic case with guiding questions and a model answer on request.")


class InputBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Input"), max_length=200)
    value = blocks.CharBlock(label=_("Value"), max_length=300)


class RuleStepBlock(blocks.StructBlock):
    rule = blocks.CharBlock(label=_("Rule"), max_length=500)
    outcome = blocks.CharBlock(label=_("Outcome"), max_length=300)


class DecisionExplainerBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    decision = blocks.CharBlock(label=_("Decision"), max_length=500)
    legal_basis = blocks.CharBlock(label=_("Legal basis"), max_length=500)
    inputs = blocks.ListBlock(InputBlock(), label=_("Inputs the system used"))
    rule_path = blocks.ListBlock(RuleStepBlock(), label=_("Rule path"))
    citizen_explanation = blocks.RichTextBlock(
        label=_("Explanation the citizen receives"), features=RICH_TEXT_FEATURES
    )
    human_review = blocks.CharBlock(
        label=_("When a person must decide"), max_length=1000, required=False
    )

    class Meta:
        icon = "order"
        label = _("Decision explainer")
        template = BLOCK_TEMPLATE.format("decision_explainer")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "title": "Vollautomatischer Bescheid über Kindergeld-Anpassung",
            "decision": "Der Antrag wird abgelehnt.",
            "legal_basis": "§ 155 Abs. 4 AO i. V. m. § 35a VwVfG",
            "inputs": [
                {"label": "Angegebenes Einkommen", "value": "2.450 € monatlich"},
                {"label": "Einkommensgrenze", "value": "2.300 € monatlich"},
            ],
            "rule_path": [
                {"rule": "Einkommen über der Grenze?", "outcome": "Ja"},
                {"rule": "Freitext-Angaben vorhanden?", "outcome": "Nein – keine Aussteuerung"},
            ],
            "citizen_explanation": "<p>Ihr Einkommen liegt über der maßgeblichen Grenze.</p>",
            "human_review": "Sobald der Antrag Freitext-Angaben enthält, prüft eine Person.",
        }
        description = _(
            "An automated administrative decision: its inputs, the rule path and the "
            "explanation the citizen receives."
        )


class GlossaryTermBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Term"), max_length=200)
    definition = blocks.RichTextBlock(label=_("Definition"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "openquote"
        label = _("Glossary term")
        template = BLOCK_TEMPLATE.format("glossary_term")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "term": "Verzerrung (Bias)",
            "definition": "<p>Eine systematische Abweichung zwischen Daten und der "
            "Wirklichkeit, die sie beschreiben sollen.</p>",
        }
        description = _("A term and its definition.")


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=200, help_text=_("Defaults to its title.")
    )
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=300)

    class Meta:
        icon = "download"
        label = _("Download")
        template = BLOCK_TEMPLATE.format("download")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "title": "Checkliste: Begründung eines automatisierten Bescheids",
            "description": "Zweiseitige Checkliste für die Sachbearbeitung (PDF)",
        }
        description = _("A document to download.")


# The decision simulator ----------------------------------------------------------------

INPUT_KINDS = [
    ("number", _("Number")),
    ("money", _("Amount of money (€)")),
    ("date", _("Date")),
    ("choice", _("Choice")),
    ("boolean", _("Yes / no")),
]
OPERATOR_CHOICES = [
    ("eq", _("equals")),
    ("ne", _("does not equal")),
    ("lt", _("is less than")),
    ("le", _("is at most")),
    ("gt", _("is more than")),
    ("ge", _("is at least")),
    ("between", _("is between (inclusive)")),
    ("in", _("is one of")),
    ("not_in", _("is none of")),
    ("is_true", _("is yes")),
    ("is_false", _("is no")),
]


class SimulatorInputBlock(blocks.StructBlock):
    key = blocks.RegexBlock(
        label=_("Key"),
        regex=r"^[a-z][a-z0-9_]*$",
        max_length=40,
        help_text=_("Lower-case letters, digits and _; rules refer to the input by it."),
        error_messages={"invalid": _("Use lower-case letters, digits and _ only.")},
    )
    label = blocks.CharBlock(label=_("Label"), max_length=200)
    kind = blocks.ChoiceBlock(label=_("Type"), choices=INPUT_KINDS, default="number")
    unit = blocks.CharBlock(label=_("Unit"), max_length=30, required=False)
    minimum = blocks.CharBlock(
        label=_("Minimum"), max_length=30, required=False, help_text=_("Numbers, money, dates.")
    )
    maximum = blocks.CharBlock(label=_("Maximum"), max_length=30, required=False)
    step = blocks.CharBlock(
        label=_("Step"), max_length=30, required=False, help_text=_("Default 1 (money: 0.01).")
    )
    choices = blocks.CharBlock(
        label=_("Options"),
        max_length=1000,
        required=False,
        help_text=_("For a choice: key=label, separated by commas."),
    )
    start = blocks.CharBlock(label=_("Starting value"), max_length=100)


class SimulatorConditionBlock(blocks.StructBlock):
    input = blocks.CharBlock(label=_("Input key"), max_length=40)
    operator = blocks.ChoiceBlock(label=_("Comparison"), choices=OPERATOR_CHOICES, default="ge")
    value = blocks.CharBlock(
        label=_("Value"),
        max_length=500,
        required=False,
        help_text=_("For “is one of”: option keys separated by commas."),
    )
    value2 = blocks.CharBlock(
        label=_("Upper value"), max_length=100, required=False, help_text=_("For “between”.")
    )


class SimulatorRuleBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Rule"), max_length=200)
    match = blocks.ChoiceBlock(
        label=_("Applies when"),
        choices=[("all", _("all conditions hold")), ("any", _("any condition holds"))],
        default="all",
    )
    conditions = blocks.ListBlock(
        SimulatorConditionBlock(),
        label=_("Conditions"),
        min_num=0,
        help_text=_("No conditions: the rule decides every case that reaches it."),
    )
    outcome = blocks.CharBlock(label=_("Outcome"), max_length=300, required=False)
    refer = blocks.BooleanBlock(
        label=_("Refer to a person"),
        required=False,
        help_text=_("The law leaves the decision to a person (discretion, missing data)."),
    )
    reason = blocks.CharBlock(label=_("Reason for the referral"), max_length=500, required=False)
    legal_basis = blocks.CharBlock(label=_("Legal basis"), max_length=500, required=False)
    facts = blocks.CharBlock(
        label=_("Further facts it depends on"),
        max_length=300,
        required=False,
        help_text=_("Input keys, separated by commas."),
    )
    keywords = blocks.CharBlock(
        label=_("Words that name the outcome"),
        max_length=300,
        required=False,
        help_text=_("For the feedback on explanations, e.g. “abgelehnt, Ablehnung”."),
    )


def simulator_data(value) -> dict:
    """A simulator block's value as the plain data ``courses.simulator.rules`` reads."""
    return {
        "inputs": [dict(item) for item in value.get("inputs") or ()],
        "rules": [
            {**dict(rule), "conditions": [dict(c) for c in rule.get("conditions") or ()]}
            for rule in value.get("rules") or ()
        ],
    }


class DecisionSimulatorBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    case = blocks.RichTextBlock(
        label=_("The case"),
        features=RICH_TEXT_FEATURES,
        help_text=_("The citizen and the application."),
    )
    inputs = blocks.ListBlock(SimulatorInputBlock(), label=_("Inputs"), min_num=1)
    rules = blocks.ListBlock(
        SimulatorRuleBlock(),
        label=_("Decision table"),
        min_num=1,
        help_text=_("Checked from top to bottom; the first rule whose conditions hold decides."),
    )
    task = blocks.CharBlock(
        label=_("Writing task"),
        max_length=500,
        default="Erklären Sie der Bürgerin oder dem Bürger die Entscheidung.",
    )
    model_answer = blocks.RichTextBlock(label=_("Model answer"), features=RICH_TEXT_FEATURES)
    rubric_minimum = blocks.IntegerBlock(
        label=_("Rubric minimum"),
        min_value=1,
        max_value=5,
        default=4,
        help_text=_("Of the five content checks, how many an explanation must meet."),
    )
    evidence_rank = blocks.IntegerBlock(
        label=_("Evidence level"),
        min_value=1,
        max_value=20,
        required=False,
        help_text=_(
            "Rank of the proficiency level a met rubric evidences for the course's "
            "competencies (capped at the level the course develops). Empty: no evidence."
        ),
    )

    class Meta:
        icon = "cogs"
        label = _("Decision simulator")
        template = BLOCK_TEMPLATE.format("decision_simulator")
        preview_template = PREVIEW_TEMPLATE
        description = _(
            "A case whose facts learners change: the rules decide, show their path and the "
            "smallest changes that flip the result; learners then explain the decision."
        )

        preview_value = {
            "title": "Bewohnerparkausweis",
            "case": "<p>Herr Yilmaz beantragt einen Bewohnerparkausweis für sein Auto.</p>",
            "inputs": [
                {
                    "key": "hauptwohnsitz",
                    "label": "Hauptwohnsitz im Bewohnerparkgebiet",
                    "kind": "boolean",
                    "start": "ja",
                }
            ],
            "rules": [
                {
                    "label": "Kein Hauptwohnsitz im Gebiet",
                    "match": "all",
                    "conditions": [{"input": "hauptwohnsitz", "operator": "is_false"}],
                    "outcome": "Antrag abgelehnt",
                    "legal_basis": "§ 45 Abs. 1b Satz 1 Nr. 2a StVO",
                },
                {
                    "label": "Hauptwohnsitz im Gebiet",
                    "match": "all",
                    "conditions": [{"input": "hauptwohnsitz", "operator": "is_true"}],
                    "outcome": "Ausweis erteilt",
                    "legal_basis": "§ 45 Abs. 1b Satz 1 Nr. 2a StVO",
                },
            ],
            "task": "Erklären Sie Herrn Yilmaz die Entscheidung.",
            "model_answer": "<p>Sehr geehrter Herr Yilmaz, …</p>",
            "rubric_minimum": 4,
        }

    def clean(self, value):
        value = super().clean(value)
        try:
            ruleset = rules.ruleset_from_data(simulator_data(value))
        except rules.RuleSetError as error:
            raise StructBlockValidationError(
                non_block_errors=ErrorList([ValidationError(f"{error.field}: {error.message}")])
            ) from error
        problems = validation.validate(ruleset)
        if problems:
            raise StructBlockValidationError(
                non_block_errors=ErrorList([ValidationError(p.message) for p in problems])
            )
        return value


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    video = VideoBlock()
    info_box = InfoBoxBlock()
    case_study = CaseStudyBlock()
    decision_explainer = DecisionExplainerBlock()
    glossary_term = GlossaryTermBlock()
    download = DownloadBlock()
    knowledge_check = KnowledgeCheckBlock()
    decision_simulator = DecisionSimulatorBlock()


SOURCE_KINDS = [("norm", _("Norm")), ("judgment", _("Judgment")), ("other", _("Other source"))]


class SourceValue(blocks.StructValue):
    def kind_label(self):
        return dict(SOURCE_KINDS).get(self.get("kind"), "")


class SourceBlock(blocks.StructBlock):
    """A norm, judgment or other source a lesson relies on, with a link to its official text."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=SOURCE_KINDS,
        default="norm",
    )
    label = blocks.CharBlock(
        label=_("Citation"),
        max_length=300,
        help_text=_('Norms as "§ 35a VwVfG", "§ 35 Abs. 1 SGB X" or "Art. 22 DSGVO".'),
    )
    url = blocks.URLBlock(label=_("Official text (link)"), max_length=500)

    class Meta:
        icon = "link"
        label = _("Source")
        value_class = SourceValue


class LessonSourcesBlock(blocks.StreamBlock):
    source = SourceBlock()
