"""The demo's logo and default share image, drawn here with Pillow (the demo ships no files).

Every page needs a share image: a page without one of its own shares the default image of
the site settings (1200 x 630 pixels, the size Open Graph and X show large), and the
Organization of the home page shows the logo. Creates only what is missing.
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Site

from core.factories import ImageFactory
from core.models import SiteSettings

SHARE_SIZE = (1200, 630)
LOGO_SIZE = (512, 512)
TEAL, LIGHT, ORANGE, WHITE = (11, 90, 122), (160, 205, 220), (242, 165, 65), (255, 255, 255)
SHARE_TITLE = "Standaard deelafbeelding"
LOGO_TITLE = "Logo Kennisprogramma Regionale Samenwerking"


def _png(canvas, name):
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return ImageFile(buffer, name=name)


def _network(draw, box, seed, count):
    """Dots joined by lines in ``box``: the site's picture of a regional network."""
    rng = random.Random(seed)
    left, top, right, bottom = box
    points = [(rng.randint(left, right), rng.randint(top, bottom)) for _ in range(count)]
    for index, point in enumerate(points):
        for other in points[index + 1 : index + 3]:
            draw.line([point, other], fill=LIGHT, width=3)
    for x, y in points:
        radius = rng.choice([8, 12, 16])
        draw.ellipse(
            [x - radius, y - radius, x + radius, y + radius], fill=rng.choice([ORANGE, WHITE])
        )


def draw_share_image(name, tagline):
    """1200 x 630: the organisation's name and tagline on the left, a network on the right."""
    canvas = PILImage.new("RGB", SHARE_SIZE, TEAL)
    draw = ImageDraw.Draw(canvas)
    width, height = SHARE_SIZE
    for row in range(height):
        shade = int(30 * row / height)
        draw.line([(0, row), (width, row)], fill=(11 + shade, 90 + shade, 122 + shade))
    _network(draw, (700, 70, 1140, 560), "share", 16)
    title_font = ImageFont.load_default(size=64)
    words, lines = name.split(), [""]
    for word in words:
        candidate = f"{lines[-1]} {word}".strip()
        if draw.textlength(candidate, font=title_font) > 580 and lines[-1]:
            lines.append(word)
        else:
            lines[-1] = candidate
    y = 150
    for line in lines:
        draw.text((70, y), line, font=title_font, fill=WHITE)
        y += 80
    draw.rectangle([70, y + 20, 190, y + 28], fill=ORANGE)
    draw.text((70, y + 56), tagline, font=ImageFont.load_default(size=32), fill=WHITE)
    return canvas


def draw_logo():
    """512 x 512: three joined dots on a teal disc."""
    canvas = PILImage.new("RGBA", LOGO_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(canvas)
    draw.ellipse([16, 16, 496, 496], fill=TEAL)
    nodes = [(256, 130), (140, 350), (372, 350)]
    for index, node in enumerate(nodes):
        draw.line([node, nodes[(index + 1) % 3]], fill=LIGHT, width=18)
    for (x, y), colour in zip(nodes, [ORANGE, WHITE, WHITE], strict=True):
        draw.ellipse([x - 44, y - 44, x + 44, y + 44], fill=colour)
    return canvas


def ensure_share_images():
    """Give the default site a logo and a default share image, once each."""
    Image = get_image_model()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    changed = False
    if site_settings.default_social_image_id is None:
        site_settings.default_social_image = Image.objects.filter(
            title=SHARE_TITLE
        ).first() or ImageFactory(
            title=SHARE_TITLE,
            file=_png(
                draw_share_image(site_settings.organisation_name, site_settings.tagline),
                "deelafbeelding.png",
            ),
            description=": ".join(
                filter(None, [site_settings.organisation_name, site_settings.tagline])
            ),
        )
        changed = True
    if site_settings.logo_id is None:
        site_settings.logo = Image.objects.filter(title=LOGO_TITLE).first() or (
            ImageFactory(
                title=LOGO_TITLE,
                file=_png(draw_logo(), "logo.png"),
                description=f"Logo: {site_settings.organisation_name}",
            )
        )
        changed = True
    if changed:
        site_settings.save()
