"""factory_boy factories of the core; every app's page factories build on ``PageFactory``.

The factories are the one way each model is made: the tests, the demo content
(``<app>/demo.py``) and the load-test data (``<app>/loaddata.py``) all use them. The demo
and the load data pass their own values; a factory's defaults only fill what is not given.
"""

import factory
from factory.django import DjangoModelFactory
from wagtail.images import get_image_model
from wagtail.models import Page

from core.models import AccessibleDocument, Person


class PageFactory(DjangoModelFactory):
    """Create a live page under ``parent`` (Wagtail's root when omitted).

    Child objects and parental many-to-many values go in as keyword arguments
    (``figures=[RegionFigureFactory.build(...)]``, ``themes=[...]``): modelcluster keeps them
    on the unsaved page and ``add_child`` stores everything in one save. ``tags`` (for the
    page types that have tags) are added before that save too. ``.build()`` gives the page
    unsaved and without a place in the tree.
    """

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Pagina {n}")
    live = True

    @classmethod
    def _create(cls, model_class, parent=None, tags=(), **kwargs):
        # factory_boy's documented hook for how an object is saved: a page is saved by
        # adding it to the tree, which sets its path, depth and URL path.
        page = model_class(**kwargs)
        if tags:
            page.tags.add(*tags)
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


class ImageFactory(DjangoModelFactory):
    """A Wagtail image; pass ``file=ImageFile(...)`` for a picture of your own."""

    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Afbeelding {n}")
    file = factory.django.ImageField(width=64, height=48, color="teal", filename="beeld.png")
    description = ""


class AccessibleDocumentFactory(DjangoModelFactory):
    """A download; pass ``file=ContentFile(..., name=...)`` for a file of your own."""

    class Meta:
        model = AccessibleDocument

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(data=b"%PDF-1.4\n%%EOF\n", filename="document.pdf")
    description = ""
