"""The demo partnerships: believable, spread over the country, and loaded idempotently."""

from io import StringIO

import pytest
from wagtail.models import Revision

from regions.demo import partnerships as demo
from regions.models import Conversation, Partner, Partnership, PartnershipProposal


def snapshot():
    return (
        Partnership.objects.count(),
        Partner.objects.count(),
        Conversation.objects.count(),
        Revision.objects.count(),
    )


@pytest.mark.django_db
def test_demo_partnerships_load_once():
    output = StringIO()
    demo.load(output)
    first = snapshot()
    # Positive control of the message checked below: the first load names what it made.
    assert f"{len(demo.PARTNERSHIPS)} demo partnerships created" in output.getvalue()
    output = StringIO()
    demo.load(output)
    assert snapshot() == first
    assert "0 demo partnerships created" in output.getvalue()
    # Positive control of the snapshot: it does see a partnership that a load adds back.
    Partnership.objects.get(slug="health-noord").delete()
    output = StringIO()
    demo.load(output)
    assert snapshot()[0] == first[0]
    assert "1 demo partnerships created" in output.getvalue()

    count = len(demo.PARTNERSHIPS)
    assert 20 <= count <= 30 and first[0] == count
    published = Partnership.objects.filter(live=True)
    assert published.count() >= count - 3
    assert all(p.revisions.exists() for p in Partnership.objects.all())
    assert published.values("region").distinct().count() >= 15
    assert Partnership.objects.filter(latitude__isnull=True).exists()
    assert Conversation.objects.filter(is_public=True).exists()
    assert Conversation.objects.filter(is_public=False).exists()
    assert Partner.objects.filter(role="penvoerder").count() >= count


@pytest.mark.django_db
def test_demo_keeps_editors_changes():
    demo.load(StringIO())
    partnership = Partnership.objects.get(slug="health-noord")
    partnership.name = "Health Noord (bijgewerkt)"
    partnership.save()
    demo.load(StringIO())
    partnership.refresh_from_db()
    assert partnership.name == "Health Noord (bijgewerkt)"
    # Positive control: the load did run, as it puts back a partnership that is gone.
    Partnership.objects.exclude(pk=partnership.pk).first().delete()
    count = Partnership.objects.count()
    demo.load(StringIO())
    assert Partnership.objects.count() == count + 1


@pytest.mark.django_db
def test_every_demo_location_lies_in_its_country():
    demo.load(StringIO())
    for partnership in Partnership.objects.all():
        partnership.full_clean()  # clean() rejects locations outside the Netherlands


@pytest.mark.django_db
def test_demo_proposal_awaits_review_once():
    from regions.demo import proposals

    demo.load(StringIO())
    output = StringIO()
    proposals.load(output)
    assert "awaits review" in output.getvalue()
    proposal = PartnershipProposal.objects.get()
    partnership = Partnership.objects.get(slug=proposals.SLUG)
    assert proposal.status == PartnershipProposal.Status.OPEN
    assert partnership.current_workflow_state is not None
    assert partnership.status == Partnership.Status.STARTING  # the published record as it was
    assert partnership.latest_revision.as_object().status == Partnership.Status.ACTIVE
    proposals.load(output)
    assert PartnershipProposal.objects.count() == 1
