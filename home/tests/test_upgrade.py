"""A database of before the model moves upgrades with its content intact.

core.0001 took the contact persons, documents and site settings from ``home``; cases.0004
took the programme goals and their targets. Both rename tables and relabel content types
instead of copying rows. This test migrates the test database back to the schema of before
the moves, writes content there with the historical models, migrates forward and checks
that everything is still there, linked, and found by the current models.

It runs inside the test's transaction: PostgreSQL rolls the schema changes back with the
data, so the test database is untouched afterwards and no other test sees the old schema.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page, Revision, Site

from cases.models import CasePage, GoalPage, GoalTarget
from core.models import AccessibleDocument, Person, SiteSettings
from home.roles import REDACTIE

pytestmark = [pytest.mark.django_db, pytest.mark.upgrade]

# The last migrations before the moves; core did not exist yet.
BEFORE_MOVES = [
    ("home", "0004_editorial_roles"),
    ("regions", "0006_indexes_for_lists"),
    ("news", "0003_indexes_for_lists"),
    ("cases", "0002_social_image"),
    ("core", None),
]
PERSON_RIGHTS = {"add_person", "change_person", "delete_person"}


def page_fields(old, model_name, path, title):
    """What a historical page row needs that Wagtail's tree methods would otherwise fill in."""
    root = old.get_model("wagtailcore", "Page").objects.get(depth=1)
    content_type, _ = old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label=model_name.split(".")[0], model=model_name.split(".")[1]
    )
    slug = title.lower().replace(" ", "-")
    return {
        "title": title,
        "draft_title": title,
        "slug": slug,
        "path": root.path + path,
        "depth": 2,
        "numchild": 0,
        "url_path": f"{root.url_path}{slug}/",
        "locale_id": root.locale_id,
        "content_type": content_type,
        "live": True,
        "first_published_at": datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC),
    }


def write_old_content(old):
    """Content as the site held it before the moves, through the historical models."""
    person = old.get_model("home", "Person").objects.create(
        name="Sanne de Groot", role="Adviseur", email="sanne@example.nl"
    )
    document = old.get_model("home", "AccessibleDocument").objects.create(
        title="Jaarverslag", file="documents/jaarverslag.pdf", is_accessible=True
    )
    site = old.get_model("wagtailcore", "Site").objects.get(is_default_site=True)
    old.get_model("home", "SiteSettings").objects.update_or_create(
        site=site, defaults={"organisation_name": "Oud programma", "footer_text": "Voet"}
    )
    goal = old.get_model("home", "GoalPage").objects.create(
        **page_fields(old, "home.goalpage", "ZZZY", "Doel drie"),
        number=3,
        short_title="CIV's en hbo",
        description="<p>Doorlopende leerlijnen.</p>",
        contact_person=person,
    )
    target = old.get_model("home", "GoalTarget").objects.create(
        page=goal,
        sort_order=0,
        label="Gespreksverslagen",
        target=24,
        metric="manual",
        manual_count=9,
    )
    revision = old.get_model("wagtailcore", "Revision").objects.create(
        content_type=goal.content_type,
        base_content_type=old.get_model("contenttypes", "ContentType").objects.get(
            app_label="wagtailcore", model="page"
        ),
        object_id=str(goal.pk),
        object_str=goal.title,
        created_at=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC),
        content={
            "pk": goal.pk,
            "title": "Doel drie (concept)",
            "number": 3,
            "short_title": "CIV's en hbo",
            "description": "<p>Doorlopende leerlijnen.</p>",
            "contact_person": person.pk,
            "content_type": goal.content_type_id,
            "targets": [
                {
                    "pk": target.pk,
                    "page": goal.pk,
                    "label": "Gespreksverslagen",
                    "target": 24,
                    "metric": "manual",
                    "manual_count": 9,
                    "sort_order": 0,
                }
            ],
        },
    )
    goal.latest_revision = revision
    goal.save(update_fields=["latest_revision"])
    old_case = old.get_model("cases", "CasePage")
    case = old_case.objects.create(
        **page_fields(old, "cases.casepage", "ZZZZ", "Case over doel drie"), subtitle="Verhaal"
    )
    through = old_case._meta.get_field("goals").remote_field.through
    through.objects.create(casepage_id=case.pk, goalpage_id=goal.pk)
    return {
        "person": person.pk,
        "document": document.pk,
        "goal": goal.pk,
        "target": target.pk,
        "revision": revision.pk,
        "case": case.pk,
    }


def redactie_rights(app_label):
    return set(
        Group.objects.get(name=REDACTIE)
        .permissions.filter(content_type__app_label=app_label, content_type__model="person")
        .values_list("codename", flat=True)
    )


def test_a_database_of_before_the_moves_upgrades_with_its_content():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE_MOVES)
    old = executor.loader.project_state([node for node in BEFORE_MOVES if node[1]]).apps
    ids = write_old_content(old)
    redactie = old.get_model("auth", "Group").objects.get(name=REDACTIE)
    assert {
        permission.codename
        for permission in redactie.permissions.filter(content_type__app_label="home")
    } >= PERSON_RIGHTS, "the roles migration gave Redactie the persons (then home's)"
    # Fire the deferred foreign key checks now: PostgreSQL refuses to alter a table that has
    # pending trigger events, and the forward migrations rename these tables.
    connection.check_constraints()

    executor = MigrationExecutor(connection)
    executor.migrate(latest)
    ContentType.objects.clear_cache()

    person = Person.objects.get(pk=ids["person"])
    assert person.name == "Sanne de Groot"
    assert AccessibleDocument.objects.get(pk=ids["document"]).title == "Jaarverslag"
    site = Site.objects.get(is_default_site=True)
    assert SiteSettings.for_site(site).organisation_name == "Oud programma"

    goal = Page.objects.get(pk=ids["goal"]).specific
    assert isinstance(goal, GoalPage) and goal.number == 3
    assert goal.contact_person == person
    assert list(goal.targets.values_list("pk", "label")) == [(ids["target"], "Gespreksverslagen")]
    assert GoalTarget.objects.get(pk=ids["target"]).with_progress().current == 9
    draft = Revision.objects.get(pk=ids["revision"]).as_object()
    assert isinstance(draft, GoalPage) and draft.title == "Doel drie (concept)"
    assert goal.latest_revision_id == ids["revision"]

    case = CasePage.objects.get(pk=ids["case"])
    assert list(case.goals.all()) == [goal]
    assert list(goal.cases.all()) == [case]

    assert redactie_rights("core") >= PERSON_RIGHTS
    assert not ContentType.objects.filter(app_label="home", model__in=["person", "goalpage"])
    ContentType.objects.clear_cache()
