"""Shared StreamField blocks: one story block reused by every page type.

Section apps (news, cases, regions) import from here, never the other way round.
Each block renders with its own template in ``templates/blocks/``.
"""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Tekst", max_length=120)
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=[("h2", "Kop 2"), ("h3", "Kop 3")],
        default="h2",
        help_text="Kop 2 voor een hoofdstuk, kop 3 voor een paragraaf daarbinnen.",
    )

    class Meta:
        icon = "title"
        label = "Tussenkop"
        template = "blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Afbeelding")
    alt_text = blocks.CharBlock(
        label="Alternatieve tekst",
        required=False,
        help_text="Beschrijf wat er op de afbeelding te zien is. Leeg bij een puur decoratieve afbeelding.",
    )
    caption = blocks.CharBlock(label="Bijschrift", required=False)
    credit = blocks.CharBlock(label="Fotograaf of bron", required=False)

    class Meta:
        icon = "image"
        label = "Afbeelding"
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Citaat")
    name = blocks.CharBlock(label="Naam", required=False)
    role = blocks.CharBlock(label="Functie en organisatie", required=False)

    class Meta:
        icon = "openquote"
        label = "Citaat"
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", max_length=120)
    text = blocks.TextBlock(label="Tekst", required=False)
    page = blocks.PageChooserBlock(label="Pagina", required=False)
    url = blocks.URLBlock(
        label="Externe link", required=False, help_text="Alleen als er geen pagina is gekozen."
    )
    button_text = blocks.CharBlock(label="Knoptekst", max_length=60, default="Lees meer")

    class Meta:
        icon = "link"
        label = "Oproep tot actie"
        template = "blocks/call_to_action_block.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label="Getal", max_length=20, help_text="Bijvoorbeeld 80 of 4.000.")
    label = blocks.CharBlock(label="Omschrijving", max_length=80)


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Kop", required=False)
    figures = blocks.ListBlock(KeyFigureBlock(), label="Kerncijfers", min_num=1, max_num=6)

    class Meta:
        icon = "order"
        label = "Kerncijfers"
        template = "blocks/key_figures_block.html"


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Vraag of titel", max_length=200)
    body = blocks.RichTextBlock(label="Antwoord of tekst", features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Kop", required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label="Onderdelen", min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Uitklaplijst"
        template = "blocks/accordion_block.html"


class AccessibleDocumentChooserBlock(DocumentChooserBlock):
    """Loads each document's accessible alternative page with it, not one query per file."""

    def bulk_to_python(self, values):
        objects = self.model_class.objects.select_related("accessible_alternative_page").in_bulk(
            values
        )
        return [objects.get(pk) for pk in values]


class DownloadsBlock(blocks.StructBlock):
    """A list of downloads with type, size and year, and a notice when one is not accessible."""

    heading = blocks.CharBlock(label="Kop", default="Downloads")
    documents = blocks.ListBlock(
        AccessibleDocumentChooserBlock(),
        label="Bestanden",
        min_num=1,
        help_text="Vink bij elk bestand aan of het digitaal toegankelijk is (bij Documenten).",
    )

    class Meta:
        icon = "doc-full"
        label = "Downloads"
        template = "blocks/downloads_block.html"


class ContactPersonBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Kop", default="Contactpersoon")
    person = SnippetChooserBlock("core.Person", label="Persoon")

    class Meta:
        icon = "user"
        label = "Contactpersoon"
        template = "blocks/contact_person_block.html"


class StoryBlock(blocks.StreamBlock):
    """The one body block of every page: the same building blocks everywhere."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Tekst", features=RICH_TEXT_FEATURES, template="blocks/paragraph_block.html"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    key_figures = KeyFiguresBlock()
    accordion = AccordionBlock()
    downloads = DownloadsBlock()
    contact_person = ContactPersonBlock()
    embed = EmbedBlock(
        label="Video of embed",
        help_text="Link naar een video (bijvoorbeeld YouTube of Vimeo).",
        template="blocks/embed_block.html",
    )

    class Meta:
        label = "Inhoud"
