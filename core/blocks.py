"""Shared StreamField blocks: one story block reused by every page type.

Section apps (news, cases, regions) import from here, never the other way round.
Each block renders with its own template in ``templates/blocks/``.
"""

from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
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
        preview_value = {"text": "Samen opleiden in de regio", "level": "h2"}
        description = "Een tussenkop die de tekst in hoofdstukken of paragrafen verdeelt."


class FigureBlock(blocks.StructBlock):
    """An image with a caption and a credit.

    The image itself is Wagtail's own ``ImageBlock`` (image, alt text, "decorative"
    check box, and its check that one of the two is given); its value is the image with
    ``contextual_alt_text`` and ``decorative`` set. ``ImageBlock`` cannot hold more
    fields, so caption and credit sit beside it in this struct.
    """

    image = ImageBlock(label="Afbeelding")
    caption = blocks.CharBlock(label="Bijschrift", required=False)
    credit = blocks.CharBlock(label="Fotograaf of bron", required=False)

    class Meta:
        icon = "image"
        label = "Afbeelding"
        template = "blocks/image_block.html"
        preview_value = {
            "caption": "Leerlingen en docenten in de nieuwe praktijkwerkplaats",
            "credit": "Fotograaf van de school",
        }
        description = "Een foto of illustratie over de hele breedte, met bijschrift en bron."

    def get_preview_value(self):
        """The preview in the block picker shows the newest image in the library, if any.

        A preview value in code cannot name an image (a database row), so it is picked
        when the preview is drawn.
        """
        image = get_image_model().objects.order_by("-created_at").first()
        alt_text = image.default_alt_text if image else ""
        value = {**self.meta.preview_value, "image": {"image": image, "alt_text": alt_text}}
        return self.normalize(value)


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Citaat")
    name = blocks.CharBlock(label="Naam", required=False)
    role = blocks.CharBlock(label="Functie en organisatie", required=False)

    class Meta:
        icon = "openquote"
        label = "Citaat"
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "Door de samenwerking zien studenten al in hun eerste jaar echte bedrijven.",
            "name": "Fatima El Amrani",
            "role": "Docent techniek, ROC in de regio",
        }
        description = "Een uitspraak van iemand, met naam en functie."


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
        preview_value = {
            "title": "Doe mee met een samenwerking",
            "text": "Bekijk welke initiatieven er in uw regio al zijn.",
            "url": "https://www.example.nl/",
            "button_text": "Bekijk de netwerkkaart",
        }
        description = "Een opvallend blok met een knop naar een pagina of website."


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
        preview_value = {
            "heading": "Het programma in cijfers",
            "figures": [
                {"value": "80", "label": "samenwerkingen"},
                {"value": "4.000", "label": "studenten"},
                {"value": "1.200", "label": "bedrijven"},
            ],
        }
        description = "Twee tot zes getallen met een korte omschrijving, naast elkaar."


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
        preview_value = {
            "heading": "Veelgestelde vragen",
            "items": [
                {
                    "title": "Wie kan meedoen?",
                    "body": "<p>Elke samenwerking van onderwijs en bedrijfsleven in de regio.</p>",
                },
                {"title": "Wat kost het?", "body": "<p>Meedoen is gratis.</p>"},
            ],
        }
        description = "Vragen of titels die de lezer openklikt voor het antwoord of de tekst."


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
        preview_value = {"heading": "Downloads"}
        description = "Bestanden om te downloaden, met soort, grootte en jaar."

    def get_preview_value(self):
        """The preview lists the two newest documents in the library, if there are any.

        A preview value in code cannot name a document (a database row).
        """
        documents = get_document_model().objects.order_by("-created_at")[:2]
        return self.normalize({**self.meta.preview_value, "documents": list(documents)})


class ContactPersonBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Kop", default="Contactpersoon")
    person = SnippetChooserBlock("core.Person", label="Persoon")

    class Meta:
        icon = "user"
        label = "Contactpersoon"
        template = "blocks/contact_person_block.html"
        preview_value = {"heading": "Contactpersoon"}
        description = "Een contactpersoon met functie, e-mailadres en telefoonnummer."

    def get_preview_value(self):
        """The preview shows an unsaved example person: it needs no snippet in the database."""
        person = self.child_blocks["person"].target_model(
            name="Anna de Vries",
            role="Adviseur onderwijs en arbeidsmarkt",
            organisation="Programmabureau",
            email="anna.devries@example.nl",
            phone="030 123 45 67",
        )
        return self.normalize({**self.meta.preview_value, "person": person})


class StoryBlock(blocks.StreamBlock):
    """The one body block of every page: the same building blocks everywhere."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Tekst",
        features=RICH_TEXT_FEATURES,
        template="blocks/paragraph_block.html",
        preview_value=(
            "<p>Scholen en bedrijven leiden samen op. <b>Studenten</b> leren in de praktijk, "
            "bedrijven vinden er hun vakmensen van morgen.</p>"
        ),
        description="Lopende tekst met opmaak, links en lijstjes.",
    )
    image = FigureBlock()
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
        description="Een video of ander ingesloten bericht, via een link naar YouTube of Vimeo.",
    )

    class Meta:
        label = "Inhoud"
