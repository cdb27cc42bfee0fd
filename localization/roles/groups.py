"""The editorial roles as Django groups: Editors, Moderators and one Translators group per language.

`ensure_roles()` creates or completes them (idempotent; it only adds what is missing and never
removes a permission an administrator granted). It runs from the data migration
`localization/0001_roles` (with the historical models) and again from `seed_demo` and whenever a
language's home page is created (`localization.roles.signals`), because the page permissions of a
Translators group hang on its language's home page, which may not exist at migration time.

Who may do what:

* Editors (Wagtail's group): add and edit pages everywhere, submit them for moderation and for
  translation; add and edit taxonomy and partner snippets; add, edit and choose images and documents.
* Moderators (Wagtail's group): all of the editors' rights, plus publish, delete (whole subtrees),
  lock and unlock pages and delete snippets. They approve the "Moderators approval" workflow.
* Translators (<language>): edit pages of that language's tree only (the home page of that locale
  and everything below it); no add, no publish, no delete, no move; submit translations
  (wagtail-localize's `submit_translation`); edit (not add or delete) translatable snippets, in
  their language only (`localization.roles.hooks`); choose images and documents. Nothing on users,
  groups or settings.

The community's channels (`community/`): moderators see and export the confirmed newsletter
subscribers and may erase one (nobody adds or edits them: they come from the double opt-in);
they see the proposed practices as sent (and work on the draft pages they became). Only moderators
see the experts' private contacts and record their consent or its withdrawal; the expert profiles
themselves are pages, with the page rights above.

Wagtail's page permission codenames: add_page, change_page, publish_page, bulk_delete_page,
lock_page, unlock_page.
"""

from django.conf import settings
from django.utils.translation import get_language_info

EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS_PREFIX = "Translators"
WORKFLOW_NAME = "Moderators approval"

# Snippet models a translator translates; editors and moderators also maintain them.
TRANSLATABLE_SNIPPETS = [
    ("pages", "region"),
    ("pages", "country"),
    ("pages", "theme"),
    ("pages", "sustainabledevelopmentgoal"),
    ("pages", "partnerorganisation"),
]

# Community models per role: (app_label, model, actions).
COMMUNITY_MODELS = {
    EDITORS: [],
    MODERATORS: [
        ("community", "subscriber", ("view", "delete")),
        ("community", "practiceproposal", ("view", "delete")),
        ("community", "expertcontact", ("view", "add", "change", "delete")),
    ],
    TRANSLATORS_PREFIX: [],
}

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
SUBMIT_TRANSLATION = ("wagtail_localize", "translation", "submit_translation")

# Model permissions per role: (app_label, model, codename).
_SNIPPET_ACTIONS = {
    EDITORS: ("view", "add", "change"),
    MODERATORS: ("view", "add", "change", "delete"),
    TRANSLATORS_PREFIX: ("view", "change"),
}
_MEDIA_ACTIONS = {  # granted on the root collection, as Wagtail does
    EDITORS: ("add", "change", "choose"),
    MODERATORS: ("add", "change", "choose", "delete"),
    TRANSLATORS_PREFIX: ("choose",),
}
# Page permissions on the root page (editors, moderators) or a language's home page (translators).
PAGE_ACTIONS = {
    EDITORS: ("add", "change"),
    MODERATORS: ("add", "change", "publish", "bulk_delete", "lock", "unlock"),
    TRANSLATORS_PREFIX: ("change",),
}


def language_name(code):
    """The English name of a language ("German"): group names are data, not UI strings."""
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return code


def translator_group_name(language_code):
    return f"{TRANSLATORS_PREFIX} ({language_name(language_code)})"


def translator_groups():
    """Group name -> language code, for every content language."""
    return {translator_group_name(code): code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}


def model_permissions(role):
    perms = [ACCESS_ADMIN, SUBMIT_TRANSLATION]
    for app_label, model in TRANSLATABLE_SNIPPETS:
        perms += [(app_label, model, f"{action}_{model}") for action in _SNIPPET_ACTIONS[role]]
    for app_label, model, actions in COMMUNITY_MODELS[role]:
        perms += [(app_label, model, f"{action}_{model}") for action in actions]
    for action in _MEDIA_ACTIONS[role]:
        perms += [
            ("wagtailimages", "image", f"{action}_image"),
            ("wagtaildocs", "document", f"{action}_document"),
        ]
    return perms


def collection_permissions(role):
    perms = []
    for action in _MEDIA_ACTIONS[role]:
        perms += [
            ("wagtailimages", "image", f"{action}_image"),
            ("wagtaildocs", "document", f"{action}_document"),
        ]
    return perms


class _Roles:
    """The work of `ensure_roles`, on the models of `apps` (real or historical)."""

    def __init__(self, apps):
        self.apps = apps
        self.Group = apps.get_model("auth", "Group")
        self.Permission = apps.get_model("auth", "Permission")
        self.ContentType = apps.get_model("contenttypes", "ContentType")
        self.Page = apps.get_model("wagtailcore", "Page")
        self.Locale = apps.get_model("wagtailcore", "Locale")
        self.Collection = apps.get_model("wagtailcore", "Collection")
        self.GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
        self.GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
        self.changed = False

    def permission(self, app_label, model, codename):
        content_type, _ = self.ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = self.Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").capitalize()},
        )
        return permission

    def group(self, name):
        group, created = self.Group.objects.get_or_create(name=name)
        self.changed |= created
        return group

    def grant(self, group, perms):
        wanted = [self.permission(*perm) for perm in perms]
        have = set(group.permissions.values_list("pk", flat=True))
        missing = [perm for perm in wanted if perm.pk not in have]
        if missing:
            group.permissions.add(*missing)
            self.changed = True

    def grant_pages(self, group, page, actions):
        for action in actions:
            permission = self.permission("wagtailcore", "page", f"{action}_page")
            _, created = self.GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=permission
            )
            self.changed |= created

    def grant_collections(self, group, perms):
        root = self.Collection.objects.filter(depth=1).first()
        if root is None:
            return
        for perm in perms:
            _, created = self.GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=self.permission(*perm)
            )
            self.changed |= created

    def run(self):
        root = self.Page.objects.filter(depth=1).first()
        for name in (EDITORS, MODERATORS):
            group = self.group(name)
            self.grant(group, model_permissions(name))
            self.grant_collections(group, collection_permissions(name))
            if root is not None:
                self.grant_pages(group, root, PAGE_ACTIONS[name])
        for name, code in translator_groups().items():
            group = self.group(name)
            self.grant(group, model_permissions(TRANSLATORS_PREFIX))
            self.grant_collections(group, collection_permissions(TRANSLATORS_PREFIX))
            locale = self.Locale.objects.filter(language_code=code).first()
            if locale is None:
                continue
            # The language's tree: its home page(s), the pages right below the root.
            for home in self.Page.objects.filter(depth=2, locale=locale):
                self.grant_pages(group, home, PAGE_ACTIONS[TRANSLATORS_PREFIX])
        if root is not None:
            self.ensure_workflow(root)
        return self.changed

    def ensure_workflow(self, root):
        """Wagtail's "Moderators approval" workflow (one group approval task for the moderators),
        active and attached to the root page, so that every page (translations included) that
        is submitted goes to the moderators. Wagtail's migrations create it; this restores it."""
        Workflow = self.apps.get_model("wagtailcore", "Workflow")
        WorkflowPage = self.apps.get_model("wagtailcore", "WorkflowPage")
        WorkflowTask = self.apps.get_model("wagtailcore", "WorkflowTask")
        GroupApprovalTask = self.apps.get_model("wagtailcore", "GroupApprovalTask")
        attached = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
        if attached is not None:
            if not attached.workflow.active:
                attached.workflow.active = True
                attached.workflow.save(update_fields=["active"])
                self.changed = True
            return
        workflow, created = Workflow.objects.get_or_create(
            name=WORKFLOW_NAME, defaults={"active": True}
        )
        if created or not WorkflowTask.objects.filter(workflow=workflow).exists():
            task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
            if task is None:
                task = GroupApprovalTask.objects.create(
                    name=WORKFLOW_NAME,
                    active=True,
                    content_type=self.ContentType.objects.get_or_create(
                        app_label="wagtailcore", model="groupapprovaltask"
                    )[0],
                )
            task.groups.add(self.group(MODERATORS))
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        if not workflow.active:
            workflow.active = True
            workflow.save(update_fields=["active"])
        WorkflowPage.objects.create(workflow=workflow, page=root)
        self.changed = True


def ensure_roles(apps=None):
    """Create or complete the role groups, their permissions and the moderation workflow.

    Returns True when anything was added. `apps` is a migration's app registry (historical
    models); by default the real models are used.
    """
    if apps is None:
        from django.apps import apps
    return _Roles(apps).run()


def translator_languages(user):
    """The language codes a translator may translate into, or None when `user` is not limited
    to translation (superusers and members of any other group are not)."""
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return None
    groups = translator_groups()
    names = list(user.groups.values_list("name", flat=True))
    if not names or any(name not in groups for name in names):
        return None
    return {groups[name] for name in names}
