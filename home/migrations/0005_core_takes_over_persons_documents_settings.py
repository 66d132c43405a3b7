"""Contact persons, documents and site settings now belong to ``core`` (core.0001).

The goal page's contact person points at ``core.Person``; the three models leave ``home``'s
state only: their tables were renamed, not dropped, by core.0001.

The goal page's contact person is repointed in the state only: the key already points at
the table that core.0001 renamed (PostgreSQL and SQLite follow a table rename), and
altering it in the database too would, on reversing, point it at home's table name before
core.0001 is reversed.
"""

import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('home', '0004_editorial_roles'),
        ('news', '0004_persons_and_blocks_in_core'),
        ('regions', '0007_persons_and_documents_in_core'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='goalpage',
                    name='contact_person',
                    field=models.ForeignKey(blank=True, help_text='Wie kunnen bezoekers over dit doel benaderen?', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.person', verbose_name='Contactpersoon'),
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterField(
            model_name='homepage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 8), ('quote', 12), ('call_to_action', 18), ('key_figures', 24), ('accordion', 29), ('downloads', 33), ('contact_person', 36), ('embed', 37)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Tekst', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Kop 2'), ('h3', 'Kop 3')], 'help_text': 'Kop 2 voor een hoofdstuk, kop 3 voor een paragraaf daarbinnen.', 'label': 'Niveau'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'Tekst', 'template': 'blocks/paragraph_block.html'}), 4: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Afbeelding'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': 'Beschrijf wat er op de afbeelding te zien is. Leeg bij een puur decoratieve afbeelding.', 'label': 'Alternatieve tekst', 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Bijschrift', 'required': False}), 7: ('wagtail.blocks.CharBlock', (), {'label': 'Fotograaf of bron', 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('image', 4), ('alt_text', 5), ('caption', 6), ('credit', 7)]], {}), 9: ('wagtail.blocks.TextBlock', (), {'label': 'Citaat'}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Naam', 'required': False}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'Functie en organisatie', 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('quote', 9), ('name', 10), ('role', 11)]], {}), 13: ('wagtail.blocks.CharBlock', (), {'label': 'Titel', 'max_length': 120}), 14: ('wagtail.blocks.TextBlock', (), {'label': 'Tekst', 'required': False}), 15: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Pagina', 'required': False}), 16: ('wagtail.blocks.URLBlock', (), {'help_text': 'Alleen als er geen pagina is gekozen.', 'label': 'Externe link', 'required': False}), 17: ('wagtail.blocks.CharBlock', (), {'default': 'Lees meer', 'label': 'Knoptekst', 'max_length': 60}), 18: ('wagtail.blocks.StructBlock', [[('title', 13), ('text', 14), ('page', 15), ('url', 16), ('button_text', 17)]], {}), 19: ('wagtail.blocks.CharBlock', (), {'label': 'Kop', 'required': False}), 20: ('wagtail.blocks.CharBlock', (), {'help_text': 'Bijvoorbeeld 80 of 4.000.', 'label': 'Getal', 'max_length': 20}), 21: ('wagtail.blocks.CharBlock', (), {'label': 'Omschrijving', 'max_length': 80}), 22: ('wagtail.blocks.StructBlock', [[('value', 20), ('label', 21)]], {}), 23: ('wagtail.blocks.ListBlock', (22,), {'label': 'Kerncijfers', 'max_num': 6, 'min_num': 1}), 24: ('wagtail.blocks.StructBlock', [[('heading', 19), ('figures', 23)]], {}), 25: ('wagtail.blocks.CharBlock', (), {'label': 'Vraag of titel', 'max_length': 200}), 26: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'Antwoord of tekst'}), 27: ('wagtail.blocks.StructBlock', [[('title', 25), ('body', 26)]], {}), 28: ('wagtail.blocks.ListBlock', (27,), {'label': 'Onderdelen', 'min_num': 1}), 29: ('wagtail.blocks.StructBlock', [[('heading', 19), ('items', 28)]], {}), 30: ('wagtail.blocks.CharBlock', (), {'default': 'Downloads', 'label': 'Kop'}), 31: ('core.blocks.AccessibleDocumentChooserBlock', (), {}), 32: ('wagtail.blocks.ListBlock', (31,), {'help_text': 'Vink bij elk bestand aan of het digitaal toegankelijk is (bij Documenten).', 'label': 'Bestanden', 'min_num': 1}), 33: ('wagtail.blocks.StructBlock', [[('heading', 30), ('documents', 32)]], {}), 34: ('wagtail.blocks.CharBlock', (), {'default': 'Contactpersoon', 'label': 'Kop'}), 35: ('wagtail.snippets.blocks.SnippetChooserBlock', ('core.Person',), {'label': 'Persoon'}), 36: ('wagtail.blocks.StructBlock', [[('heading', 34), ('person', 35)]], {}), 37: ('wagtail.embeds.blocks.EmbedBlock', (), {'help_text': 'Link naar een video (bijvoorbeeld YouTube of Vimeo).', 'label': 'Video of embed', 'template': 'blocks/embed_block.html'})}, verbose_name='Inhoud'),
        ),
        migrations.AlterField(
            model_name='programmepage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 8), ('quote', 12), ('call_to_action', 18), ('key_figures', 24), ('accordion', 29), ('downloads', 33), ('contact_person', 36), ('embed', 37)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Tekst', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Kop 2'), ('h3', 'Kop 3')], 'help_text': 'Kop 2 voor een hoofdstuk, kop 3 voor een paragraaf daarbinnen.', 'label': 'Niveau'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'Tekst', 'template': 'blocks/paragraph_block.html'}), 4: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Afbeelding'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': 'Beschrijf wat er op de afbeelding te zien is. Leeg bij een puur decoratieve afbeelding.', 'label': 'Alternatieve tekst', 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Bijschrift', 'required': False}), 7: ('wagtail.blocks.CharBlock', (), {'label': 'Fotograaf of bron', 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('image', 4), ('alt_text', 5), ('caption', 6), ('credit', 7)]], {}), 9: ('wagtail.blocks.TextBlock', (), {'label': 'Citaat'}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Naam', 'required': False}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'Functie en organisatie', 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('quote', 9), ('name', 10), ('role', 11)]], {}), 13: ('wagtail.blocks.CharBlock', (), {'label': 'Titel', 'max_length': 120}), 14: ('wagtail.blocks.TextBlock', (), {'label': 'Tekst', 'required': False}), 15: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Pagina', 'required': False}), 16: ('wagtail.blocks.URLBlock', (), {'help_text': 'Alleen als er geen pagina is gekozen.', 'label': 'Externe link', 'required': False}), 17: ('wagtail.blocks.CharBlock', (), {'default': 'Lees meer', 'label': 'Knoptekst', 'max_length': 60}), 18: ('wagtail.blocks.StructBlock', [[('title', 13), ('text', 14), ('page', 15), ('url', 16), ('button_text', 17)]], {}), 19: ('wagtail.blocks.CharBlock', (), {'label': 'Kop', 'required': False}), 20: ('wagtail.blocks.CharBlock', (), {'help_text': 'Bijvoorbeeld 80 of 4.000.', 'label': 'Getal', 'max_length': 20}), 21: ('wagtail.blocks.CharBlock', (), {'label': 'Omschrijving', 'max_length': 80}), 22: ('wagtail.blocks.StructBlock', [[('value', 20), ('label', 21)]], {}), 23: ('wagtail.blocks.ListBlock', (22,), {'label': 'Kerncijfers', 'max_num': 6, 'min_num': 1}), 24: ('wagtail.blocks.StructBlock', [[('heading', 19), ('figures', 23)]], {}), 25: ('wagtail.blocks.CharBlock', (), {'label': 'Vraag of titel', 'max_length': 200}), 26: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'Antwoord of tekst'}), 27: ('wagtail.blocks.StructBlock', [[('title', 25), ('body', 26)]], {}), 28: ('wagtail.blocks.ListBlock', (27,), {'label': 'Onderdelen', 'min_num': 1}), 29: ('wagtail.blocks.StructBlock', [[('heading', 19), ('items', 28)]], {}), 30: ('wagtail.blocks.CharBlock', (), {'default': 'Downloads', 'label': 'Kop'}), 31: ('core.blocks.AccessibleDocumentChooserBlock', (), {}), 32: ('wagtail.blocks.ListBlock', (31,), {'help_text': 'Vink bij elk bestand aan of het digitaal toegankelijk is (bij Documenten).', 'label': 'Bestanden', 'min_num': 1}), 33: ('wagtail.blocks.StructBlock', [[('heading', 30), ('documents', 32)]], {}), 34: ('wagtail.blocks.CharBlock', (), {'default': 'Contactpersoon', 'label': 'Kop'}), 35: ('wagtail.snippets.blocks.SnippetChooserBlock', ('core.Person',), {'label': 'Persoon'}), 36: ('wagtail.blocks.StructBlock', [[('heading', 34), ('person', 35)]], {}), 37: ('wagtail.embeds.blocks.EmbedBlock', (), {'help_text': 'Link naar een video (bijvoorbeeld YouTube of Vimeo).', 'label': 'Video of embed', 'template': 'blocks/embed_block.html'})}, verbose_name='Inhoud'),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='person',
                    name='photo',
                ),
                migrations.RemoveField(
                    model_name='sitesettings',
                    name='cookie_statement_page',
                ),
                migrations.RemoveField(
                    model_name='sitesettings',
                    name='default_social_image',
                ),
                migrations.RemoveField(
                    model_name='sitesettings',
                    name='logo',
                ),
                migrations.RemoveField(
                    model_name='sitesettings',
                    name='site',
                ),
                migrations.DeleteModel(
                    name='AccessibleDocument',
                ),
                migrations.DeleteModel(
                    name='Person',
                ),
                migrations.DeleteModel(
                    name='SiteSettings',
                ),
            ],
            database_operations=[],
        ),
    ]
