"""Retention of public proposals: unconfirmed ones go after 7 days, addresses 30 days after."""

import datetime
import io
import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from regions.factories import PartnershipProposalFactory
from regions.models import PartnershipProposal

# The smallest valid GIF: one transparent pixel.
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def aged(proposal, **delta):
    PartnershipProposal.objects.filter(pk=proposal.pk).update(
        created_at=timezone.now() - datetime.timedelta(**delta)
    )


def run():
    out = io.StringIO()
    call_command("expire_partnership_proposals", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_unconfirmed_proposals_are_deleted_after_seven_days(caplog):
    old = PartnershipProposalFactory(logo=SimpleUploadedFile("logo.gif", GIF))
    logo_name = old.logo.name
    storage = old.logo.storage
    assert storage.exists(logo_name)
    recent = PartnershipProposalFactory()
    aged(old, days=7, minutes=1)
    aged(recent, days=6, hours=23)
    confirmed = PartnershipProposalFactory(status=PartnershipProposal.Status.OPEN)
    aged(confirmed, days=20)

    with caplog.at_level(logging.INFO, logger="regions"):
        output = run()
    assert "1 unconfirmed proposal(s) deleted" in output
    assert "1 unconfirmed proposal(s) deleted" in caplog.text
    assert set(PartnershipProposal.objects.values_list("pk", flat=True)) == {
        recent.pk,
        confirmed.pk,
    }
    assert not storage.exists(logo_name)
    assert "0 unconfirmed proposal(s) deleted" in run()  # safe to run again


@pytest.mark.django_db
def test_addresses_are_wiped_30_days_after_the_decision():
    now = timezone.now()
    old = PartnershipProposalFactory(
        status=PartnershipProposal.Status.ACCEPTED,
        submitter_name="Petra de Wit",
        decided_at=now - datetime.timedelta(days=31),
    )
    recent = PartnershipProposalFactory(
        status=PartnershipProposal.Status.REJECTED,
        decided_at=now - datetime.timedelta(days=29),
    )
    open_one = PartnershipProposalFactory(status=PartnershipProposal.Status.OPEN)
    aged(open_one, days=60)

    assert "1 submitter address(es) wiped" in run()
    old.refresh_from_db()
    assert (old.email, old.submitter_name) == ("", "")
    assert old.status == PartnershipProposal.Status.ACCEPTED  # the record of the decision stays
    recent.refresh_from_db()
    open_one.refresh_from_db()
    assert recent.email and open_one.email
