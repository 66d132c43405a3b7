"""The programme goals and their targets move from ``home`` to ``cases``.

A case names the goals it serves, the case index filters on them, a goal lists its cases
and its targets count them: the goals belong with the cases (docs/architecture.md). As in
core.0001, nothing is copied: the model state moves (``SeparateDatabaseAndState``), the
tables are renamed to this app's names, and the content types are relabelled in place, so
the goal pages' rows in the page tree, their revisions, permissions, log entries and the
reference index stay valid. ``home.0006`` removes the two models from ``home``'s state.

The case's goals are repointed in the state only: the foreign key follows the table rename
(PostgreSQL and SQLite), as do those of the goal targets and the goal page's own rows.
"""

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


MOVED = ("goalpage", "goaltarget")


def relabel_content_types(apps, schema_editor):
    """home.<model> becomes cases.<model>: the same row, so everything pointing at it follows."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if ContentType.objects.filter(app_label="cases", model=model).exists():
            # Only after a failed earlier attempt; the home row is then the stale one.
            ContentType.objects.filter(app_label="home", model=model).delete()
        else:
            ContentType.objects.filter(app_label="home", model=model).update(app_label="cases")


def unlabel_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="cases", model__in=MOVED).update(app_label="home")


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0003_blocks_in_core'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0001_initial'),
        # The goal tables under home's names, their contact person pointing at core.person.
        ('home', '0005_core_takes_over_persons_documents_settings'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='GoalPage',
                fields=[
                    ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                    ('intro', models.TextField(blank=True, help_text='Eén tot drie zinnen die direct onder de titel staan.', verbose_name='Inleiding')),
                    ('listing_summary', models.TextField(blank=True, help_text='Korte tekst voor overzichten en zoekresultaten. Leeg: de inleiding.', verbose_name='Samenvatting in overzichten')),
                    ('number', models.PositiveSmallIntegerField(help_text="Het nummer van het doel, bijvoorbeeld 9 voor 'doel 9'.", validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(99)], verbose_name='Nummer')),
                    ('short_title', models.CharField(help_text="Enkele woorden voor filters en lijstjes, bijvoorbeeld 'RIF-aanvragen'.", max_length=80, verbose_name='Korte titel')),
                    ('description', wagtail.fields.RichTextField(help_text='Wat houdt het doel in en waarom is het belangrijk?', verbose_name='Omschrijving')),
                    ('actions', wagtail.fields.StreamField([('action', 0)], blank=True, block_lookup={0: ('wagtail.blocks.TextBlock', (), {'label': 'Actie'})}, help_text='Elke actie in een eigen blok; ze worden als lijst getoond.', verbose_name='Concrete acties')),
                    ('parties', models.TextField(blank=True, help_text="Bijvoorbeeld 'Onderwijs, bedrijfsleven en overheid'.", verbose_name='Betrokken partijen')),
                    ('contact_person', models.ForeignKey(blank=True, help_text='Wie kunnen bezoekers over dit doel benaderen?', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.person', verbose_name='Contactpersoon')),
                    ('listing_image', models.ForeignKey(blank=True, help_text='Getoond als deze pagina in een overzicht staat.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='Afbeelding in overzichten')),
                    ('social_image', models.ForeignKey(blank=True, help_text='Afbeelding bij delen op sociale media (liefst 1200 × 630 pixels). Leeg: de afbeelding in overzichten, anders de standaardafbeelding van de website.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='Deelafbeelding')),
                ],
                options={
                    'verbose_name': 'Programmadoel',
                    'verbose_name_plural': 'Programmadoelen',
                    'db_table': 'home_goalpage',
                },
                bases=('wagtailcore.page', models.Model),
            ),
            migrations.CreateModel(
                name='GoalTarget',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                    ('label', models.CharField(help_text="Bijvoorbeeld 'regio's met een succesvolle samenwerking in de spotlight'.", max_length=160, verbose_name='Omschrijving')),
                    ('target', models.PositiveIntegerField(help_text='Het aantal dat we willen halen.', validators=[django.core.validators.MinValueValidator(1)], verbose_name='Streefaantal')),
                    ('metric', models.CharField(choices=[('spotlight_regions', "Regio's met een samenwerking in de spotlight (case)"), ('rif_started', 'Samenwerkingen met RIF-financiering, gestart in de periode'), ('civ_coe_links', "CIV's gekoppeld aan een hogeschool of kennisinstelling"), ('ict_sector', 'Samenwerkingen met de sector ICT'), ('ict_pacts', 'Regionale techniekpacten met een ICT-component'), ('companies', 'Bereikte bedrijven (som over samenwerkingen)'), ('manual', 'Handmatig bijgehouden aantal')], default='manual', help_text='Kies een telling over gepubliceerde samenwerkingen; die loopt vanzelf bij. Alleen als er geen gegevens zijn: handmatig.', max_length=30, verbose_name='Wat telt mee')),
                    ('manual_count', models.PositiveIntegerField(blank=True, help_text="Alleen bij 'Handmatig bijgehouden aantal': het aantal tot nu toe.", null=True, verbose_name='Handmatig aantal')),
                    ('year_from', models.PositiveSmallIntegerField(blank=True, help_text='Alleen bij RIF-samenwerkingen: eerste startjaar dat meetelt. Leeg: dit jaar.', null=True, validators=[django.core.validators.MinValueValidator(1990), django.core.validators.MaxValueValidator(2100)], verbose_name='Vanaf jaar')),
                    ('year_to', models.PositiveSmallIntegerField(blank=True, help_text='Alleen bij RIF-samenwerkingen: laatste startjaar dat meetelt. Leeg: dit jaar.', null=True, validators=[django.core.validators.MinValueValidator(1990), django.core.validators.MaxValueValidator(2100)], verbose_name='Tot en met jaar')),
                    ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='targets', to='cases.goalpage')),
                ],
                options={
                    'verbose_name': 'Streefcijfer',
                    'verbose_name_plural': 'Streefcijfers',
                    'ordering': ['sort_order'],
                    'abstract': False,
                    'db_table': 'home_goaltarget',
                },
            ),
            # The case's goals: the key already points at the goal table renamed below.
            migrations.AlterField(
                model_name='casepage',
                name='goals',
                field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Aan welke programmadoelen draagt deze case bij?', related_name='cases', to='cases.goalpage', verbose_name='Doelen'),
            ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name='goalpage', table=None),
        migrations.AlterModelTable(name='goaltarget', table=None),
        migrations.RunPython(relabel_content_types, unlabel_content_types),
    ]
