"""The search backend behind every search box: what a visitor or editor types is searched as words.

``WAGTAILSEARCH_BACKENDS`` points here instead of at ``wagtail.search.backends.database``.
``SearchBackend`` lets Wagtail pick its database backend as before (PostgreSQL's full-text
search, SQLite's FTS5, or the plain fallback) and adds ``WordsOnly`` to it. Every search
passes through a backend's ``search()`` or ``autocomplete()`` (``Page.objects.search()``,
the site search and its section hooks, Wagtail's admin listings and page search), so this is
the one place where typed text becomes a query, for every search box at once.

Why: SQLite's FTS5 read the text as query syntax, so a lone ``"`` raised a database error
(a 500 under ``make run``). Words are runs of letters and digits, the units both databases
index; everything else only separates words, as it does in the index.
"""

import re
from functools import cache

from wagtail.search.backends import database
from wagtail.search.query import MATCH_NONE, And, Boost, Not, Or, Phrase, PlainText

# Letters and digits of any script. Underscores and punctuation separate words, as SQLite's
# unicode61 tokenizer and PostgreSQL's text-search parser do when they index.
WORD = re.compile(r"[^\W_]+")


def words(text):
    """The words of ``text``, separated by single spaces ("" when there are none)."""
    return " ".join(WORD.findall(text))


def as_words(query):
    """``query`` with every piece of typed text reduced to its words.

    A string or ``PlainText`` stays a search for all (or any) of its words, a ``Phrase``
    stays a phrase (Wagtail's admin page search makes one of text in quotes). When no word
    is left the query matches nothing (``MATCH_NONE``): still real, empty search results,
    which Wagtail's admin listings need (they read the results' model).
    """
    reduced = _reduce(query)
    return MATCH_NONE if reduced is None else reduced


def _reduce(query):
    """``as_words`` for one query object; None when it holds no word at all."""
    if isinstance(query, str):
        return words(query) or None
    if isinstance(query, PlainText):
        text = words(query.query_string)
        return PlainText(text, operator=query.operator, boost=query.boost) if text else None
    if isinstance(query, Phrase):
        text = words(query.query_string)
        return Phrase(text) if text else None
    if isinstance(query, (And, Or)):
        # A part without words (say a lone '"') is left out, as if it had not been typed.
        parts = [part for part in map(_reduce, query.subqueries) if part is not None]
        if len(parts) < 2:
            return parts[0] if parts else None
        return type(query)(parts)
    if isinstance(query, (Not, Boost)):
        inner = _reduce(query.subquery)
        if inner is None:
            return None
        return Not(inner) if isinstance(query, Not) else Boost(inner, query.boost)
    # MatchAll and the like carry no typed text.
    return query


class WordsOnly:
    """Mixin for a Wagtail search backend: queries are reduced to words before they run."""

    def search(self, query, model_or_queryset, fields=None, **kwargs):
        fields = self.searchable_fields(self.query_compiler_class, fields)
        return super().search(as_words(query), model_or_queryset, fields=fields, **kwargs)

    def autocomplete(self, query, model_or_queryset, fields=None, **kwargs):
        fields = self.searchable_fields(self.autocomplete_query_compiler_class, fields)
        return super().autocomplete(as_words(query), model_or_queryset, fields=fields, **kwargs)

    @staticmethod
    def searchable_fields(compiler_class, fields):
        """``fields`` as the backend can search them (None: all indexed fields of the model).

        SQLite's FTS5 table has only the columns in ``FTS_TABLE_FIELDS`` (title and body, or
        autocomplete) and the backend uses the field names as column names, so an admin
        listing's ``search_fields = ["name", ...]`` failed with "no such column: name".
        There a list that is not all FTS columns searches the model's whole index entry: a
        few more matches, never an error. Other backends search the fields as asked.
        """
        columns = getattr(compiler_class, "FTS_TABLE_FIELDS", None)
        if fields and columns is not None and not set(fields) <= set(columns):
            return None
        return fields


@cache
def words_only(backend_class):
    """``backend_class`` with ``WordsOnly`` mixed in (one class per backend class)."""
    return type(f"WordsOnly{backend_class.__name__}", (WordsOnly, backend_class), {})


# Wagtail looks a backend module's class up by this name.
def SearchBackend(params):
    """The database search backend Wagtail picks for this database, searching words only."""
    return words_only(type(database.SearchBackend(params)))(params)
