"""Every page kind on a small phone, a phone and a laptop, in Debian's Chromium.

The demo content gets long Dutch compound words (names, labels, filter options) first, as
real editors write them. Each page must then fit its window: no sideways scrolling, no
element sticking out of its parent's box, no layout shift while it loads (the site's
scripts arrive late, as on a slow phone network) and no console errors. Screenshots land in
test-artifacts/layout-<kind>-<width>.png.

A new page kind is one line in PAGE_KINDS.
"""

import io
import time
from urllib.parse import quote, urlencode, urlparse

import pytest
from PIL import Image

from conftest import ARTIFACTS

pytestmark = pytest.mark.e2e

WIDTHS = (320, 390, 1366)
LONG_WORD = "Arbeidsmarktregiosamenwerkingsverband"
# A layout shift score a visitor does not notice; Lighthouse rates up to 0.1 as good.
MAX_LAYOUT_SHIFT = 0.05
# How long the site's first script is held back, so the page paints before any script runs.
SCRIPT_DELAY_SECONDS = 0.2


def live_url(model_path, **filters):
    """The URL of the first live page of a model ("app.Model"), e.g. from the demo."""
    from django.apps import apps

    page = apps.get_model(model_path).objects.live().filter(**filters).first()
    assert page is not None, f"the demo has no live {model_path}"
    return page.url


def write_up_url():
    from regions.models import NetworkMapPage, Partnership

    partnership = Partnership.objects.get(name__startswith=LONG_WORD)
    return NetworkMapPage.objects.live().first().partnership_url(partnership)


def proposal_confirm_url():
    """The confirmation page of a new (unconfirmed) proposal: needs a signed token."""
    from regions.factories import PartnershipProposalFactory
    from regions.models import NetworkMapPage
    from regions.proposals import make_token

    map_page = NetworkMapPage.objects.live().first()
    code = urlencode({"code": make_token(PartnershipProposalFactory())})
    return f"{map_page.url}{map_page.reverse_subpage('proposal_confirm')}?{code}"


# (page kind, its address in the demo content).
PAGE_KINDS = [
    ("home", lambda: "/"),
    ("programme", lambda: live_url("home.ProgrammePage", slug="regionale-samenwerkingen")),
    ("goal", lambda: live_url("cases.GoalPage")),
    ("news-index", lambda: live_url("news.NewsIndexPage")),
    ("news-item", lambda: live_url("news.NewsPage", title__startswith=LONG_WORD)),
    ("case-index", lambda: live_url("cases.CaseIndexPage")),
    ("case", lambda: live_url("cases.CasePage", title__startswith=LONG_WORD)),
    ("region-index", lambda: live_url("regions.RegionIndexPage")),
    ("region-profile", lambda: live_url("regions.RegionProfilePage")),
    ("map", lambda: live_url("regions.NetworkMapPage")),
    ("write-up", write_up_url),
    ("monitor", lambda: live_url("regions.NetworkMonitorPage")),
    ("event-index", lambda: live_url("events.EventIndexPage")),
    ("event", lambda: live_url("events.EventPage", title__startswith=LONG_WORD)),
    ("search", lambda: "/zoeken/?q=" + quote(LONG_WORD)),
    ("contact", lambda: live_url("home.ContactPage")),
    ("proposal-new", lambda: live_url("regions.NetworkMapPage") + "aanmelden/"),
    ("proposal-change", lambda: write_up_url() + "wijzigen/"),
    ("proposal-confirm", proposal_confirm_url),
]


def add_long_words():
    """Long Dutch names and labels in every page kind the table visits."""
    from django.apps import apps

    from cases.factories import CasePageFactory
    from cases.models import CaseIndexPage
    from events.factories import EventPageFactory
    from events.models import EventIndexPage
    from news.factories import NewsPageFactory
    from news.models import NewsIndexPage
    from regions.factories import PartnerFactory, PartnershipFactory
    from regions.models import Region, Theme
    from regions.models.partnership import format_point

    theme = Theme.objects.create(
        name="Loopbaanoriëntatiebegeleiding en arbeidsmarktinformatievoorziening",
        slug="loopbaanorientatiebegeleiding",
    )
    partnership = PartnershipFactory(
        name=f"{LONG_WORD} Beroepsonderwijsinnovatiecentrum Zuidoost-Brabant",
        slug="arbeidsmarktregiosamenwerkingsverband",
        summary=f"Het {LONG_WORD} verbindt praktijkleerplaatsenbemiddeling met "
        "kwalificatiedossierontwikkeling.",
        region=Region.objects.get(slug="zuidoost-brabant"),
        city="Sint-Michielsgestel",
        location=format_point(51.64, 5.35),
        website="https://www.arbeidsmarktregiosamenwerkingsverband-zuidoostbrabant.nl/over-ons",
        themes=[theme],
        # "onbekend" is the widest value a Kenmerken tile shows.
        companies_count=None,
        teachers_count=None,
        start_year=None,
    )
    for organisation, role in [
        ("Gemeenschappelijkeregelingsorganisatie Arbeidsmarktregio", "Penvoerderschapscoördinator"),
        ("Beroepsonderwijsbedrijfslevenstichting", "Kwaliteitszorgcoördinatie"),
        ("Installatietechniekopleidingscentrum", "Praktijkopleidingsbegeleiding"),
    ]:
        PartnerFactory(
            partnership=partnership,
            organisation=organisation,
            role=role,
            website="https://www.installatietechniekopleidingscentrum-brabant.nl/samenwerking",
        )
    NewsPageFactory(
        parent=NewsIndexPage.objects.live().first(),
        title=f"{LONG_WORD} start met kwalificatiedossierherziening",
        intro=f"Het {LONG_WORD} en de Beroepsonderwijsbedrijfslevenstichting werken samen.",
    )
    EventPageFactory(
        parent=EventIndexPage.objects.live().first(),
        title=f"{LONG_WORD}: regiobijeenkomst over praktijkleerplaatsenbemiddeling",
        venue_name="Beroepsonderwijsbedrijfslevenstichting, Kwalificatiedossierzaal",
        audience="Praktijkopleidingsbegeleiders en arbeidsmarktregiocoördinatoren",
        online_url="https://www.arbeidsmarktregiosamenwerkingsverband-zuidoostbrabant.nl/live",
        region=Region.objects.get(slug="zuidoost-brabant"),
    )
    CasePageFactory(
        parent=CaseIndexPage.objects.live().first(),
        title=f"{LONG_WORD} in de praktijk",
        subtitle="Praktijkopleidingsbegeleiding met werkgeversbetrokkenheid",
        person_organisation="Gemeenschappelijkeregelingsorganisatie Arbeidsmarktregio",
    )
    # Titles in headings, breadcrumbs and (for menu pages) the main menu.
    for model_path in [
        "home.HomePage",
        "home.ProgrammePage",
        "cases.GoalPage",
        "home.ContactPage",
        "regions.RegionIndexPage",
        "regions.RegionProfilePage",
        "regions.NetworkMapPage",
    ]:
        page = apps.get_model(model_path).objects.live().first()
        page.title = f"{page.title}: {LONG_WORD}"
        page.save()


def blank_tile():
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (233, 240, 236)).save(buffer, format="PNG")
    return buffer.getvalue()


# Returns what does not fit, in words a developer can act on. An element may leave its
# parent's box only when something clips it (a scroll box, the map) or when it is placed
# on purpose (absolute or fixed: skip links, visually hidden text, the cookie banner).
FIND_OVERFLOW = """() => {
  const root = document.documentElement;
  const problems = root.scrollWidth > window.innerWidth
    ? [`the page is ${root.scrollWidth} px wide in a ${window.innerWidth} px window`] : [];
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    [...el.classList].map((c) => '.' + c).join('') +
    ` "${(el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40)}"`;
  const clipped = (el) => {
    for (let box = el.parentElement; box; box = box.parentElement) {
      if (getComputedStyle(box).overflowX !== 'visible') return true;
    }
    return false;
  };
  const placed = (el) => {
    for (let box = el; box; box = box.parentElement) {
      if (['absolute', 'fixed'].includes(getComputedStyle(box).position)) return true;
    }
    return false;
  };
  const found = new Map();
  for (const el of document.body.querySelectorAll('*')) {
    const rect = el.getBoundingClientRect();
    if (!rect.width || !rect.height || placed(el) || clipped(el)) continue;
    const parent = el.parentElement.getBoundingClientRect();
    if (rect.left < parent.left - 1 || rect.right > parent.right + 1) {
      found.set(el, `${name(el)} (${Math.round(rect.left)}–${Math.round(rect.right)} px) ` +
        `sticks out of ${name(el.parentElement)} (${Math.round(parent.left)}–` +
        `${Math.round(parent.right)} px)`);
    } else if (el.clientWidth && el.scrollWidth > el.clientWidth + 1 &&
        getComputedStyle(el).overflowX === 'visible') {
      // Text wider than a box that keeps its width (a long word in a narrow column).
      found.set(el, `the content of ${name(el)} is ${el.scrollWidth} px wide in ${el.clientWidth} px`);
    }
  }
  // Name the innermost culprits only, not every box around them.
  for (const [el, problem] of found) {
    if (![...found.keys()].some((other) => other !== el && el.contains(other))) {
      problems.push(problem);
    }
  }
  return problems;
}"""

LAYOUT_SHIFTS = """() => new Promise((resolve) => {
  const shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const moved = entry.sources.map((source) => source.node && source.node.nodeName
        ? source.node.nodeName.toLowerCase() + (source.node.id ? '#' + source.node.id : '')
        : '?');
      shifts.push({value: entry.value, moved});
    }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(shifts), 100);
})"""


def wait_until_settled(tab):
    """Wait for the maps: the network map says how many it shows, a location map has tiles."""
    if tab.locator("[data-map-status]").count():
        tab.wait_for_function(
            "() => document.querySelector('[data-map-status]').textContent.trim()"
        )
    if tab.locator(".writeup__map").count():
        tab.locator(".writeup__map.leaflet-container").wait_for()


# Positive control: what each check must catch, made on purpose in a page that passes.
SPOIL_PAGE = """() => {
  const main = document.querySelector('main');
  const wide = document.createElement('p');
  wide.textContent = 'breed';
  wide.style.width = '3000px';
  main.append(wide);
  const late = document.createElement('div');
  late.style.height = '400px';
  main.prepend(late);
  console.error('controle');
}"""


def problems_on(tab, errors):
    """What does not fit on the page in this tab, what moved while it loaded, what it logged."""
    problems = tab.evaluate(FIND_OVERFLOW)
    shifts = tab.evaluate(LAYOUT_SHIFTS)
    total = sum(shift["value"] for shift in shifts)
    if total >= MAX_LAYOUT_SHIFT:
        moved = sorted({node for shift in shifts for node in shift["moved"]})
        problems.append(f"layout shift {total:.3f} (moved: {', '.join(moved)})")
    return problems + [f"console error: {error}" for error in errors]


def test_every_page_kind_fits_every_width(browser, live_server, live_db, demo_site, settings):
    settings.MAP_TILE_URL = live_server.url + "/kaarttegels/{z}/{x}/{y}.png"
    add_long_words()
    pages = [(kind, find_url()) for kind, find_url in PAGE_KINDS]
    tile = blank_tile()
    local = urlparse(live_server.url).netloc
    problems, outside_requests, errors = [], [], []

    def answer(route):
        url = urlparse(route.request.url)
        if url.netloc != local:
            outside_requests.append(route.request.url)
            route.abort()
        elif url.path.startswith("/kaarttegels/"):
            route.fulfill(body=tile, content_type="image/png")
        else:
            file_name = url.path.rsplit("/", 1)[-1]
            if file_name.startswith("site.") and file_name.endswith(".js"):
                # Deferred scripts run after the first paint on a slow network: hold the
                # first one back (the others wait for it), so what they change shows up as
                # a layout shift here too.
                time.sleep(SCRIPT_DELAY_SECONDS)
            route.continue_()

    ARTIFACTS.mkdir(exist_ok=True)
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 800}, locale="nl-NL")
        context.route("**/*", answer)
        tab = context.new_page()
        tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
        tab.on("pageerror", lambda error: errors.append(str(error)))
        for kind, url in pages:
            errors.clear()
            response = tab.goto(live_server.url + url)
            assert response.status == 200, f"{kind} ({url}): HTTP {response.status}"
            wait_until_settled(tab)
            tab.screenshot(path=str(ARTIFACTS / f"layout-{kind}-{width}.png"), full_page=True)
            problems += [f"{kind} ({url}) at {width} px: {p}" for p in problems_on(tab, errors)]
        context.close()

    assert outside_requests == []
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)

    # The checks do see a page that is too wide, a late block and a console error.
    context = browser.new_context(viewport={"width": 390, "height": 800})
    tab = context.new_page()
    errors.clear()
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    tab.goto(live_server.url + "/")
    tab.evaluate(SPOIL_PAGE)
    spoiled = "\n".join(problems_on(tab, errors))
    context.close()
    assert "the page is " in spoiled and 'p "breed"' in spoiled, spoiled
    assert "layout shift" in spoiled and "console error: controle" in spoiled, spoiled
