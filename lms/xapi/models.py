"""The Learning Record Store: statements, documents, attachments, clients, forwarding."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms import crypto
from lms.xapi import vocabulary


class Statement(models.Model):
    """One stored statement. ``data`` is immutable and complete (stored, authority, version)."""

    id = models.UUIDField(primary_key=True)
    data = models.JSONField()
    stored = models.DateTimeField()
    timestamp = models.DateTimeField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="xapi_statements",
        db_index=False,
    )
    actor_key = models.CharField(max_length=512, blank=True)
    verb = models.CharField(max_length=512)
    object_id = models.CharField(max_length=1024)
    object_type = models.CharField(max_length=20)
    object_agent_key = models.CharField(max_length=512, blank=True)
    registration = models.UUIDField(null=True, blank=True)
    voided = models.BooleanField(default=False)
    client_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        indexes = [
            models.Index(fields=["stored", "id"], name="xapi_st_stored"),
            # With the verb in the key, "this person's <verb> statements" (the commonest
            # filter) reads only matching rows instead of every statement of the person.
            models.Index(fields=["actor_key", "verb", "stored"], name="xapi_st_actor_verb"),
            models.Index(fields=["verb", "stored"], name="xapi_st_verb"),
            models.Index(fields=["object_id", "stored"], name="xapi_st_object"),
            models.Index(
                fields=["registration", "stored"],
                name="xapi_st_registration",
                condition=Q(registration__isnull=False),
            ),
            models.Index(
                fields=["object_agent_key"],
                name="xapi_st_object_agent",
                condition=~Q(object_agent_key=""),
            ),
            models.Index(fields=["user"], name="xapi_st_user", condition=Q(user__isnull=False)),
        ]

    def __str__(self):
        return f"{self.id} {self.verb}"

    @property
    def result(self) -> dict:
        return self.data.get("result") or {}

    @property
    def result_success(self) -> bool | None:
        return self.result.get("success")

    @property
    def result_completion(self) -> bool | None:
        return self.result.get("completion")

    @property
    def result_score_scaled(self) -> float | None:
        return (self.result.get("score") or {}).get("scaled")

    @property
    def evidence(self) -> list[dict]:
        items = (self.result.get("extensions") or {}).get(vocabulary.EXT_COMPETENCY_EVIDENCE)
        return [item for item in items or [] if isinstance(item, dict)]

    @property
    def context(self) -> dict:
        return self.data.get("context") or {}

    @property
    def is_voiding(self) -> bool:
        return self.verb == vocabulary.VOIDED.id

    @property
    def by_platform(self) -> bool:
        """Recorded by the platform itself, not sent by an LRS client (see ``trust``)."""
        return self.client_id is None


class StatementAgent(models.Model):
    """Every agent a statement names (actor, object, authority, context, sub-statement)."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="+")
    agent_key = models.CharField(max_length=512)

    class Meta:
        indexes = [models.Index(fields=["agent_key"], name="xapi_sa_key")]

    def __str__(self):
        return self.agent_key


class StatementActivity(models.Model):
    """Every activity a statement names (object, context activities, sub-statement)."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="+")
    activity_id = models.CharField(max_length=1024)

    class Meta:
        indexes = [models.Index(fields=["activity_id"], name="xapi_sac_id")]

    def __str__(self):
        return self.activity_id


class Activity(models.Model):
    """The LRS's canonical definition of each activity it has seen (Activities resource)."""

    activity_id = models.CharField(max_length=1024, unique=True)
    definition = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self):
        return self.activity_id


class Attachment(models.Model):
    """Attachment content, stored once per SHA-2 hash."""

    sha2 = models.CharField(max_length=128, primary_key=True)
    content_type = models.CharField(max_length=255)
    content = models.BinaryField()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.sha2


class Document(models.Model):
    """A State, Activity Profile or Agent Profile document."""

    class Kind(models.TextChoices):
        STATE = "state", _("State")
        ACTIVITY_PROFILE = "activity_profile", _("Activity profile")
        AGENT_PROFILE = "agent_profile", _("Agent profile")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    activity_id = models.CharField(max_length=1024, blank=True)
    agent_key = models.CharField(max_length=512, blank=True)
    registration = models.CharField(max_length=36, blank=True)
    document_id = models.CharField(max_length=1024)
    content = models.BinaryField()
    content_type = models.CharField(max_length=255)
    etag = models.CharField(max_length=64)
    updated = models.DateTimeField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="xapi_documents",
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "activity_id", "agent_key", "registration", "document_id"],
                name="xapi_document_unique",
            )
        ]
        indexes = [
            models.Index(fields=["kind", "activity_id", "agent_key"], name="xapi_doc_lookup")
        ]

    def __str__(self):
        return f"{self.kind} {self.document_id}"


class LRSClient(models.Model):
    """HTTP Basic credentials for the LRS API, each bound to an authority.

    The secret is a random high-entropy token: only its SHA-256 digest is stored, compared
    in constant time (a slow password hasher would cost ~60 ms per request). A client may
    be scoped to one actor, registration and activity (short-lived launch credentials):
    it then may only write and read statements and state for exactly that scope.
    """

    name = models.CharField(_("name"), max_length=200)
    key = models.CharField(_("key"), max_length=100, unique=True)
    secret_digest = models.CharField(_("secret digest"), max_length=64, editable=False)
    read_only = models.BooleanField(_("read only"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    authority = models.JSONField(_("authority"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    scope_actor_key = models.CharField(_("scope: actor"), max_length=512, blank=True)
    scope_registration = models.UUIDField(_("scope: registration"), null=True, blank=True)
    scope_activity_id = models.CharField(_("scope: activity"), max_length=1024, blank=True)

    class Meta:
        verbose_name = _("LRS client")
        verbose_name_plural = _("LRS clients")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_scoped(self) -> bool:
        return bool(self.scope_actor_key)


class ForwardingEndpoint(models.Model):
    """An external LRS that receives copies of stored statements.

    The remote's secret is stored encrypted (``lms.crypto``); ``password`` reads and sets
    it in clear and raises ``lms.crypto.DecryptionError`` if no configured key fits.
    """

    class Version(models.TextChoices):
        V103 = "1.0.3", "1.0.3"
        V200 = "2.0.0", "2.0.0"

    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("statements endpoint base URL"), max_length=500)
    username = models.CharField(_("username (key)"), max_length=200, blank=True)
    password_encrypted = models.TextField(
        _("password (secret), encrypted"), blank=True, editable=False
    )
    version = models.CharField(
        _("xAPI version"), max_length=10, choices=Version.choices, default=Version.V103
    )
    verbs = models.TextField(
        _("verb filter"),
        blank=True,
        help_text=_("One verb IRI per line; leave empty to forward every statement."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    batch_size = models.PositiveIntegerField(_("batch size"), default=100)
    retry_base_seconds = models.PositiveIntegerField(
        _("first retry after (seconds)"),
        default=30,
        help_text=_("Each further failure doubles the wait, up to one hour."),
    )
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    last_failure_at = models.DateTimeField(_("last failure"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    consecutive_failures = models.PositiveIntegerField(_("consecutive failures"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("forwarding endpoint")
        verbose_name_plural = _("forwarding endpoints")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def password(self) -> str:
        return crypto.decrypt(self.password_encrypted) if self.password_encrypted else ""

    @password.setter
    def password(self, value: str) -> None:
        self.password_encrypted = crypto.encrypt(value) if value else ""

    @staticmethod
    def parse_verbs(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]

    @property
    def lag(self):
        """Age of the oldest waiting statement (needs ``selectors`` annotation), or ``None``."""
        oldest = getattr(self, "oldest_pending", None)
        if oldest is None:
            return None
        return timezone.now() - oldest


class OutboxEntry(models.Model):
    """A statement waiting to be forwarded; written in the same transaction as the statement."""

    endpoint = models.ForeignKey(
        ForwardingEndpoint, on_delete=models.CASCADE, related_name="outbox"
    )
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField()
    next_attempt_at = models.DateTimeField()
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("outbox entry")
        verbose_name_plural = _("outbox entries")
        indexes = [
            models.Index(fields=["endpoint", "next_attempt_at", "id"], name="xapi_outbox_due")
        ]

    def __str__(self):
        return f"{self.endpoint_id}:{self.statement_id}"
