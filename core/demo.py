"""Building blocks of every app's demo content: story blocks and drawn pictures.

The demo loaders of the apps (``<app>/demo.py``) use these; ``home.demo.load_demo_content``
runs them in order (docs/architecture.md).
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from core.factories import ImageFactory


def paragraph(*texts):
    return {"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in texts)}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def make_picture(title, seed, size=(1440, 960)):
    """A calm abstract 'network' picture, drawn here so the demo needs no photo files."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    rng = random.Random(seed)
    width, height = size
    canvas = PILImage.new("RGB", size, (11, 90, 122))
    draw = ImageDraw.Draw(canvas)
    for step in range(height):
        shade = int(30 * step / height)
        draw.line([(0, step), (width, step)], fill=(11 + shade, 90 + shade, 122 + shade))
    points = [(rng.randint(60, width - 60), rng.randint(60, height - 60)) for _ in range(28)]
    for index, (x, y) in enumerate(points):
        for other in points[index + 1 : index + 3]:
            draw.line([(x, y), other], fill=(160, 205, 220), width=3)
    for x, y in points:
        radius = rng.choice([10, 14, 20])
        colour = rng.choice([(242, 165, 65), (255, 255, 255), (190, 225, 235)])
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=82)
    return ImageFactory(title=title, file=ImageFile(buffer, name=f"{seed}.jpg"))
