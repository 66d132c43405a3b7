"""factory_boy factories of the core; every app's page factories build on ``PageFactory``."""

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Page

from core.models import Person


class PageFactory(DjangoModelFactory):
    """Create a live page under ``parent`` (Wagtail's root when omitted)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Pagina {n}")
    live = True

    @classmethod
    def _create(cls, model_class, parent=None, **kwargs):
        page = model_class(**kwargs)
        (parent or Page.get_first_root_node()).add_child(instance=page)
        return page


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Contactpersoon {n}")
    role = "Adviseur"
    organisation = "Kennisprogramma"
    email = factory.Sequence(lambda n: f"persoon{n}@example.nl")
    phone = "030 123 45 67"
