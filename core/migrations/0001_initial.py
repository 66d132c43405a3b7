"""The core takes over the contact persons, documents and site settings from ``home``.

They were created by ``home``'s first migrations. Nothing is copied: the model state moves
(``SeparateDatabaseAndState``), the tables are renamed to this app's names, and the content
types are relabelled in place, so permissions, revisions, log entries and the reference
index that point at them stay valid. ``home.0005`` removes them from ``home``'s state.
"""

import django.db.models.deletion
import modelsearch.index
import taggit.managers
import wagtail.models.media
from django.conf import settings
from django.db import migrations, models


MOVED = ("accessibledocument", "person", "sitesettings")


def relabel_content_types(apps, schema_editor):
    """home.<model> becomes core.<model>: the same row, so everything pointing at it follows."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if ContentType.objects.filter(app_label="core", model=model).exists():
            # Only after a failed earlier attempt; the home row is then the stale one.
            ContentType.objects.filter(app_label="home", model=model).delete()
        else:
            ContentType.objects.filter(app_label="home", model=model).update(app_label="core")


def unlabel_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="core", model__in=MOVED).update(app_label="home")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        # The tables and the roles' permissions on them exist from here on, and so does every
        # foreign key that a migration of before the move made to them (under their old names).
        ('home', '0004_editorial_roles'),
        ('news', '0003_indexes_for_lists'),
        ('regions', '0006_indexes_for_lists'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='AccessibleDocument',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('title', models.CharField(max_length=255, verbose_name='title')),
                    ('file', models.FileField(upload_to='documents', verbose_name='file')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                    ('file_size', models.PositiveBigIntegerField(editable=False, null=True)),
                    ('file_hash', models.CharField(blank=True, editable=False, max_length=40)),
                    ('description', models.TextField(blank=True, help_text='Wat staat er in dit bestand? Wordt bij de download getoond.', verbose_name='Omschrijving')),
                    ('is_accessible', models.BooleanField(default=False, help_text='Aanvinken als dit bestand voldoet aan de eisen voor digitale toegankelijkheid.', verbose_name='Digitaal toegankelijk')),
                    ('accessible_alternative_url', models.URLField(blank=True, help_text='Link naar een toegankelijke versie, als dit bestand niet toegankelijk is.', verbose_name='Toegankelijke versie (link)')),
                    ('language', models.CharField(choices=[('nl', 'Nederlands'), ('en', 'Engels')], default='nl', help_text='De taal van het bestand.', max_length=2, verbose_name='Taal')),
                    ('accessible_alternative_page', models.ForeignKey(blank=True, help_text='Of kies een pagina op deze website met dezelfde inhoud.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='Toegankelijke versie (pagina)')),
                    ('collection', models.ForeignKey(default=wagtail.models.media.get_root_collection_id, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.collection', verbose_name='collection')),
                    ('tags', taggit.managers.TaggableManager(blank=True, help_text=None, through='taggit.TaggedItem', to='taggit.Tag', verbose_name='tags')),
                    ('uploaded_by_user', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='uploaded by user')),
                ],
                options={
                    'verbose_name': 'Document',
                    'verbose_name_plural': 'Documenten',
                    'abstract': False,
                    'db_table': 'home_accessibledocument',
                },
                bases=(modelsearch.index.Indexed, models.Model),
            ),
            migrations.CreateModel(
                name='Person',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('name', models.CharField(help_text='Voor- en achternaam.', max_length=120, verbose_name='Naam')),
                    ('role', models.CharField(blank=True, help_text="Bijvoorbeeld 'Adviseur onderwijs en arbeidsmarkt'.", max_length=120, verbose_name='Functie')),
                    ('organisation', models.CharField(blank=True, help_text='De organisatie waar deze persoon werkt.', max_length=160, verbose_name='Organisatie')),
                    ('email', models.EmailField(blank=True, help_text='Wordt op de website getoond.', max_length=254, verbose_name='E-mailadres')),
                    ('phone', models.CharField(blank=True, help_text='Bijvoorbeeld 030 123 45 67; wordt op de website getoond.', max_length=30, verbose_name='Telefoonnummer')),
                    ('photo', models.ForeignKey(blank=True, help_text='Portretfoto, liefst vierkant.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='Foto')),
                ],
                options={
                    'verbose_name': 'Contactpersoon',
                    'verbose_name_plural': 'Contactpersonen',
                    'ordering': ['name'],
                    'db_table': 'home_person',
                },
                bases=(modelsearch.index.Indexed, models.Model),
            ),
            migrations.CreateModel(
                name='SiteSettings',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('organisation_name', models.CharField(default='Kennisprogramma Regionale Samenwerking', help_text='Staat in de kop en voettekst van elke pagina.', max_length=160, verbose_name='Naam organisatie')),
                    ('tagline', models.CharField(blank=True, help_text="Korte regel onder de naam, bijvoorbeeld 'onderwijs en bedrijfsleven in de regio'.", max_length=160, verbose_name='Ondertitel')),
                    ('footer_text', models.TextField(blank=True, help_text='Korte tekst over het programma onderaan elke pagina.', verbose_name='Voettekst')),
                    ('contact_email', models.EmailField(blank=True, help_text='Algemeen e-mailadres in de voettekst.', max_length=254, verbose_name='Contact e-mailadres')),
                    ('linkedin_url', models.URLField(blank=True, help_text='Volledige link naar de LinkedIn-pagina.', verbose_name='LinkedIn')),
                    ('x_url', models.URLField(blank=True, help_text='Volledige link naar het X-account.', verbose_name='X (Twitter)')),
                    ('analytics_measurement_id', models.CharField(blank=True, help_text='Bijvoorbeeld G-XXXXXXX. Het meetscript laadt pas nadat een bezoeker cookies toestaat. Leeg: geen statistieken.', max_length=40, verbose_name='Meet-ID statistieken')),
                    ('analytics_script_url', models.URLField(blank=True, help_text='Volledige https-link naar het script van de statistiekdienst. Laadt pas na toestemming. Leeg: geen statistieken.', verbose_name='Adres meetscript')),
                    ('cookie_statement_page', models.ForeignKey(blank=True, help_text='De pagina met de cookieverklaring; gelinkt vanuit de cookiemelding en de voettekst.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='Cookieverklaring')),
                    ('default_social_image', models.ForeignKey(blank=True, help_text='Getoond bij delen op sociale media als een pagina geen eigen afbeelding heeft.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='Standaard deelafbeelding')),
                    ('logo', models.ForeignKey(blank=True, help_text='Logo van de organisatie voor zoekmachines (gestructureerde gegevens).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='Logo')),
                    ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
                ],
                options={
                    'verbose_name': 'Website-instellingen',
                    'db_table': 'home_sitesettings',
                },
            ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name='accessibledocument', table=None),
        migrations.AlterModelTable(name='person', table=None),
        migrations.AlterModelTable(name='sitesettings', table=None),
        migrations.RunPython(relabel_content_types, unlabel_content_types),
    ]
