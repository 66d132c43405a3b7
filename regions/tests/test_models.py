"""The partnership model: location parsing, derived coordinates and validation."""

import pytest
from django.core.exceptions import ValidationError

from regions.factories import PartnershipFactory
from regions.models.partnership import format_point, in_netherlands, parse_point


def test_parse_and_format_point():
    assert parse_point("SRID=4326;POINT(6.89 52.22)") == (52.22, 6.89)
    assert parse_point(format_point(51.5, 3.6)) == (51.5, 3.6)
    assert parse_point("") is None
    assert parse_point("52.22, 6.89") is None


def test_in_netherlands():
    assert in_netherlands(52.37, 4.89)  # Amsterdam
    assert in_netherlands(50.85, 5.69)  # Maastricht
    assert not in_netherlands(48.85, 2.35)  # Paris
    assert not in_netherlands(12.1, -68.9)  # Curaçao: not on this map


@pytest.mark.django_db
def test_coordinates_follow_the_location():
    partnership = PartnershipFactory(location=format_point(52.22, 6.89))
    assert (partnership.latitude, partnership.longitude) == (52.22, 6.89)
    assert partnership.has_location
    partnership.location = ""
    partnership.save()
    assert partnership.latitude is None and not partnership.has_location


@pytest.mark.django_db
@pytest.mark.parametrize(
    "location, message",
    [
        (format_point(48.85, 2.35), "niet in Nederland"),
        ("ergens in Twente", "geen geldige locatie"),
    ],
)
def test_clean_rejects_bad_locations(location, message):
    partnership = PartnershipFactory.build(location=location)
    with pytest.raises(ValidationError, match=message):
        partnership.clean()
