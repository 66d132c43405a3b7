"""StreamField data migrations shared by the apps whose pages use ``core.blocks``.

Used by ``MigrateStreamData`` in the apps' migrations (home, news, cases): keep each
operation here as long as a migration imports it.
"""

from wagtail.blocks.migrations.operations import BaseBlockOperation


class FigureToImageBlockOperation(BaseBlockOperation):
    """The old hand-made image struct to ``FigureBlock``, whose image is Wagtail's ``ImageBlock``.

    Old: ``{"image": 12, "alt_text": "...", "caption": "...", "credit": "..."}``.
    New: ``{"image": {"image": 12, "alt_text": "...", "decorative": false}, "caption": ...,
    "credit": ...}``. The old help text told editors to leave the alternative text empty for
    a purely decorative image, so an empty one becomes ``decorative`` (the page keeps
    rendering ``alt=""``). A value already in the new shape is left as it is, so running the
    migration twice, or over a revision saved after the switch, changes nothing.
    """

    def apply(self, block_value):
        image = block_value.get("image")
        if isinstance(image, dict):
            return block_value
        alt_text = (block_value.get("alt_text") or "").strip()
        return {
            "image": {"image": image, "alt_text": alt_text, "decorative": not alt_text},
            "caption": block_value.get("caption") or "",
            "credit": block_value.get("credit") or "",
        }

    @property
    def operation_name_fragment(self):
        return "figure_to_image_block"
