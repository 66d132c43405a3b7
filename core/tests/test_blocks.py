"""The shared blocks: editors see a preview and a description of each in the block picker."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from core.blocks import FigureBlock, StoryBlock
from core.tests.seo_helpers import make_image

STORY = StoryBlock()


def preview(admin_client, name):
    response = admin_client.get(
        "/admin/block-preview/", {"id": STORY.child_blocks[name].definition_prefix}
    )
    assert response.status_code == 200, name
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, shown",
    [
        ("heading", "Samen opleiden in de regio"),
        ("paragraph", "Scholen en bedrijven leiden samen op."),
        ("quote", "Fatima El Amrani"),
        ("call_to_action", "Bekijk de netwerkkaart"),
        ("key_figures", "4.000"),
        ("accordion", "Wie kan meedoen?"),
        ("downloads", "Downloads"),
        ("contact_person", "Anna de Vries"),
        ("image", "Leerlingen en docenten in de nieuwe praktijkwerkplaats"),
    ],
)
def test_each_shared_block_has_a_preview_with_the_site_styles(admin_client, name, shown):
    block = STORY.child_blocks[name]
    assert block.is_previewable
    assert block.get_description()
    page = preview(admin_client, name)
    assert shown in page.get_text(" ")
    assert page.find("link", rel="stylesheet")["href"].endswith("css/site.css")


@pytest.mark.django_db
def test_the_embed_block_has_a_description_but_no_preview():
    """An embed preview would fetch from YouTube; the picker shows its description only."""
    embed = STORY.child_blocks["embed"]
    assert embed.get_description()
    assert not embed.is_previewable


@pytest.mark.django_db
def test_the_image_preview_shows_the_newest_library_image(admin_client):
    assert preview(admin_client, "image").find("img") is None  # empty library: no image
    make_image("Ouder")
    newest = make_image("Werkplaats", description="Studenten aan het werk")
    img = preview(admin_client, "image").find("img")
    assert "werkplaats" in img["src"]
    assert img["alt"] == newest.default_alt_text


@pytest.mark.django_db
def test_an_image_needs_alternative_text_or_the_decorative_mark():
    """Wagtail's ImageBlock check, in Dutch: no silent images without alt text."""
    image = make_image("Werkplaats")
    block = FigureBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"image": {"image": image.pk, "alt_text": ""}}))
    alt_error = error.value.as_json_data()["blockErrors"]["image"]["blockErrors"]["alt_text"][
        "messages"
    ]
    assert alt_error == ["Voeg alt tekst toe of markeer de afbeelding als decoratief"]
    for alt_text, decorative in [("Studenten aan het werk", False), ("", True)]:
        value = {"image": {"image": image.pk, "alt_text": alt_text, "decorative": decorative}}
        cleaned = block.clean(block.to_python(value))
        assert cleaned["image"].contextual_alt_text == alt_text
