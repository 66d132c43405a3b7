"""factory_boy factories of the case stories and the programme goals they serve (used by the
tests, the demo and the load data)."""

import factory
from factory.django import DjangoModelFactory

from cases.models import CaseIndexPage, CasePage, GoalPage, GoalTarget
from core.factories import PageFactory


class CaseIndexPageFactory(PageFactory):
    """The case index; pass ``parent`` (the home page)."""

    class Meta:
        model = CaseIndexPage

    title = "Cases"
    slug = "cases"
    intro = "Initiatieven aan het woord: hoe regionale samenwerking in de praktijk werkt."
    show_in_menus = True


class CasePageFactory(PageFactory):
    """A live case story; pass ``parent`` (the case index); ``goals=[...]`` are saved with it."""

    class Meta:
        model = CasePage

    title = factory.Sequence(lambda n: f"Case {n}")
    subtitle = "Een ondernemer en een docent vertellen"
    intro = "Hoe een school en bedrijven samen vakmensen opleiden."
    person_name = "Martin Jansen"
    person_role = "Coördinator"
    person_organisation = "ROC in de regio"
    pull_quote = "Samen leiden we op wat de regio nodig heeft."


def many_cases(index_page, count, **fields):
    """``count`` live cases under ``index_page`` (one by one: pages cannot be bulk-created)."""
    return [CasePageFactory(parent=index_page, **fields) for _ in range(count)]


class GoalPageFactory(PageFactory):
    """A programme goal; pass ``parent`` (a programme page) and, if you like, its
    ``targets=[GoalTargetFactory.build(page=None, ...)]``."""

    class Meta:
        model = GoalPage

    title = factory.Sequence(lambda n: f"Doel {n}")
    number = factory.Sequence(lambda n: n % 99 + 1)
    short_title = factory.Sequence(lambda n: f"Doel {n}")
    description = "<p>Wat we met dit doel willen bereiken.</p>"
    parties = "Onderwijs, bedrijfsleven en overheid"


class GoalTargetFactory(DjangoModelFactory):
    class Meta:
        model = GoalTarget

    page = factory.SubFactory(GoalPageFactory)
    label = "Samenwerkingen"
    target = 10
    metric = "manual"
    manual_count = 0
