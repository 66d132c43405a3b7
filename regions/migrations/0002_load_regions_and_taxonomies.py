"""Load the 12 provinces, the 35 labour-market regions and the default taxonomies."""

import csv
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

REGIONS_CSV = Path(__file__).resolve().parent.parent / "data" / "regions.csv"

THEMES = [
    "Initieel onderwijs",
    "Leven lang ontwikkelen en omscholing",
    "Innovatie",
    "Diversiteit en vrouwen in ICT",
    "Doorlopende leerlijnen mbo-hbo",
]
SECTORS = [
    "ICT",
    "Techniek",
    "Zorg en welzijn",
    "Energie",
    "Maakindustrie",
    "Bouw en infra",
    "Agri-food",
    "Logistiek",
    "Circulaire economie",
    "Creatieve industrie",
]
EDUCATION_LEVELS = ["Vmbo", "Mbo", "Hbo", "Wo"]
FUNDING_SOURCES = [
    "Regionaal Investeringsfonds mbo (RIF)",
    "RIF-opschaler",
    "Nationaal Groeifonds",
    "Regionale middelen",
    "Europese middelen",
    "Eigen bijdrage partners",
]


def load(apps, schema_editor):
    Province = apps.get_model("regions", "Province")
    Region = apps.get_model("regions", "Region")
    with REGIONS_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    provinces = {}
    for row in rows:
        if row["kind"] == "provincie":
            provinces[row["name"]] = Province.objects.create(
                name=row["name"],
                slug=slugify(row["name"]),
                latitude=float(row["lat"]),
                longitude=float(row["lon"]),
            )
    for row in rows:
        if row["kind"] == "arbeidsmarktregio":
            Region.objects.create(
                name=row["name"],
                slug=slugify(row["name"]),
                province=provinces[row["province"]],
                centre_city=row["centre_city"],
                latitude=float(row["lat"]),
                longitude=float(row["lon"]),
            )
    for model_name, names in [
        ("Theme", THEMES),
        ("Sector", SECTORS),
        ("EducationLevel", EDUCATION_LEVELS),
        ("FundingSource", FUNDING_SOURCES),
    ]:
        model = apps.get_model("regions", model_name)
        model.objects.bulk_create(model(name=name, slug=slugify(name)) for name in names)


def unload(apps, schema_editor):
    for model_name in ["Region", "Province", "Theme", "Sector", "EducationLevel", "FundingSource"]:
        apps.get_model("regions", model_name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
