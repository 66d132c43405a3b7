"""The new page types (news, cases, goals) are valid HTML according to the W3C Nu checker."""

import pytest

from cases.models import CasePage, GoalPage
from news.models import NewsPage


@pytest.mark.django_db
def test_news_case_and_goal_pages_are_valid_html(client, demo_site, assert_valid_html):
    documents = {
        "home": client.get("/").text,
        "nieuws": client.get("/nieuws/").text,
        "nieuws-gefilterd": client.get("/nieuws/?thema=bestaat-niet&jaar=2025").text,
        "nieuwsbericht": client.get(NewsPage.objects.live().first().url).text,
        "cases": client.get("/cases/").text,
        "case": client.get(CasePage.objects.live().first().url).text,
        "doel": client.get(GoalPage.objects.live().first().url).text,
        "writeup": client.get("/netwerkkaart/cleantech-center/").text,
    }
    assert_valid_html(documents)
