"""The permission groups and what each may do.

Group names are stable identifiers used in code and settings.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

LEARNER = "Learner"
TRAINER = "Trainer"
# Releases course pages that trainers submit ("Kursfreigabe"); see courses.services.
REVIEWER = "Reviewer"
HR = "HR"
ADMINISTRATOR = "Administrator"

# Permissions as "app_label.codename". Apps that arrive later add theirs here.
GROUP_PERMISSIONS = {
    LEARNER: [],
    TRAINER: [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    REVIEWER: [
        # The admin, and through the release task the pages under review (their editor,
        # preview and the approve / request-changes actions); no page permission of its own.
        "wagtailadmin.access_admin",
    ],
    HR: [],
    ADMINISTRATOR: [
        "wagtailadmin.access_admin",
        "accounts.add_user",
        "accounts.change_user",
        "accounts.delete_user",
        "accounts.view_user",
        "accounts.add_orgunit",
        "accounts.change_orgunit",
        "accounts.delete_orgunit",
        "accounts.view_orgunit",
        "accounts.add_jobrole",
        "accounts.change_jobrole",
        "accounts.delete_jobrole",
        "accounts.view_jobrole",
        "accounts.view_auditlogentry",
        "auth.view_group",
        "auth.change_group",
    ],
}

# Page permissions trainers hold on the whole page tree (through Wagtail's
# GroupPagePermission). Not ``publish_page``: publishing needs a second person, so
# trainers submit to the "Kursfreigabe" workflow and a reviewer releases.
TRAINER_PAGE_PERMISSIONS = ["add_page", "change_page"]
# Granted on the tree's root by earlier versions; revoked wherever the groups are ensured.
TRAINER_PAGE_PERMISSIONS_REVOKED = ["publish_page"]


def register_group_permissions(group: str, permissions: list[str]) -> None:
    """Let an app grant its own model permissions to a group (call from ``AppConfig.ready``)."""
    known = GROUP_PERMISSIONS.setdefault(group, [])
    known.extend(p for p in permissions if p not in known)


def ensure_permission_groups():
    """Create the groups and grant their permissions; safe to call repeatedly."""
    with transaction.atomic():
        groups = {name: Group.objects.get_or_create(name=name)[0] for name in GROUP_PERMISSIONS}
        for name, perm_names in GROUP_PERMISSIONS.items():
            perms = _permissions(perm_names)
            groups[name].permissions.add(*perms)

        root = Page.get_first_root_node()
        if root is not None:
            for codename in TRAINER_PAGE_PERMISSIONS:
                perm = Permission.objects.filter(
                    content_type__app_label="wagtailcore", codename=codename
                ).first()
                if perm:
                    GroupPagePermission.objects.get_or_create(
                        group=groups[TRAINER], page=root, permission=perm
                    )
            GroupPagePermission.objects.filter(
                group=groups[TRAINER],
                page=root,
                permission__content_type__app_label="wagtailcore",
                permission__codename__in=TRAINER_PAGE_PERMISSIONS_REVOKED,
            ).delete()
        collection = Collection.get_first_root_node()
        if collection is not None:
            for perm in _permissions(
                [
                    "wagtailimages.add_image",
                    "wagtailimages.change_image",
                    "wagtailimages.choose_image",
                    "wagtaildocs.add_document",
                    "wagtaildocs.change_document",
                    "wagtaildocs.choose_document",
                ]
            ):
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[TRAINER], collection=collection, permission=perm
                )
    return groups


def _permissions(perm_names):
    perms = []
    for name in perm_names:
        app_label, codename = name.split(".")
        perm = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if perm is not None:
            perms.append(perm)
    return perms


def ensure_permission_groups_after_migrate(sender, **kwargs):
    ensure_permission_groups()
