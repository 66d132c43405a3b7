"""Query pieces every section shares: page cards with their images, many-to-many tests."""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Exists, OuterRef
from wagtail.models import PageManager, PageQuerySet

# The images a page card may draw: its own listing image, else the page's main image.
CARD_IMAGE_FIELDS = ["listing_image", "main_image"]


class CardPageQuerySet(PageQuerySet):
    """Wagtail's page queryset, plus what lists of page cards need."""

    def with_card_images(self):
        """The card images and their renditions in the same few queries for every row."""
        fields = [name for name in CARD_IMAGE_FIELDS if has_field(self.model, name)]
        return self.select_related(*fields).prefetch_related(
            *(f"{name}__renditions" for name in fields)
        )


# Wagtail's documented way to give pages a custom queryset.
CardPageManager = PageManager.from_queryset(CardPageQuerySet)


def has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def linked_to_any(model, relation, ids):
    """``Exists`` a row of ``model``'s many-to-many ``relation`` linking the outer row to
    one of ``ids``.

    Rather than a join: PostgreSQL can then walk the outer rows in index order and stop
    at the first few matches, and no row repeats, so no DISTINCT is needed.
    """
    field = model._meta.get_field(relation)
    return Exists(
        field.remote_field.through.objects.filter(
            **{
                field.m2m_field_name(): OuterRef("pk"),
                f"{field.m2m_reverse_field_name()}__in": ids,
            }
        )
    )
