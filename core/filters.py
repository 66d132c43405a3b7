"""The visitors' GET filters (news, cases, network map): one way to bind, check and show them.

Each section declares a django-filter ``FilterSet`` on ``PublicFilterSet``. Binding it to a
query string keeps the valid values and notes, in Dutch, the ones it ignored (an old link,
a typo, a tampered URL): never an error page. The form is then bound to the applied values
only, so it shows exactly what filtered the list.
"""

from urllib.parse import urlencode

import django_filters
from django import forms
from django.utils.choices import BaseChoiceIterator

UNKNOWN_VALUE_NOTE = "Het filter ‘{label}’ had een onbekende waarde en is genegeerd."


class LazyChoices(BaseChoiceIterator):
    """Choices read once, and only when needed: to check a given value or to draw the field.

    A filter set checks the query string with one form and shows the result with a second
    one; Django copies a form's fields per form, so the copies share this one read
    instead of querying again. Made per filter set (see ``PublicFilterSet``), so choices
    are never kept from one request to the next.
    """

    def __init__(self, load):
        self.load = load
        self.loaded = None

    def __iter__(self):
        if self.loaded is None:
            self.loaded = list(self.load())
        return iter(self.loaded)

    def __len__(self):
        return len(list(self))

    def __deepcopy__(self, memo):
        return self


class FilterForm(forms.Form):
    """The form of a public filter set; ``notes()`` says what it could not use."""

    def notes(self):
        """Dutch notes on the filters whose value was ignored, in form order."""
        return [
            UNKNOWN_VALUE_NOTE.format(label=self.fields[name].label)
            for name in self.errors
            if name in self.fields
        ]


class PublicFilterSet(django_filters.FilterSet):
    """A filter set bound to a visitor's query string that never fails on bad input.

    After binding: ``notes`` (Dutch, what was ignored), ``active`` (the applied values by
    parameter name, in form order), ``form`` (bound to ``active`` only) and ``qs`` (the
    queryset narrowed by ``active``). Filters whose ``choices`` are a callable read them
    lazily, once per filter set.
    """

    class Meta:
        form = FilterForm

    def __init__(self, data=None, queryset=None, **kwargs):
        # An empty query string is no filtering at all: the form stays unbound.
        super().__init__(data or None, queryset, **kwargs)
        self.prepare_filters()
        self.notes = []
        self.active = {}
        if self.is_bound:
            given = self.get_form_class()(self.data, prefix=self.form_prefix)
            given.is_valid()
            self.notes = given.notes()
            self.active = {
                name: value for name, value in given.cleaned_data.items() if value not in ("", None)
            }
            # What ``form`` and ``qs`` are built from: the applied values only.
            self.data = {name: str(value) for name, value in self.active.items()}

    def prepare_filters(self):
        """Make this filter set's callable choices lazy; a subclass may set choices first."""
        for filter_ in self.filters.values():
            choices = filter_.extra.get("choices")
            if callable(choices):
                filter_.extra["choices"] = LazyChoices(choices)

    @classmethod
    def parameters(cls):
        """The query-string parameters of the filters, in form order."""
        return list(cls.base_filters)

    def querystring(self):
        """The applied filters as a query string, for links to other pages and formats."""
        return urlencode(list(self.active.items()))
