"""cardface: identity-card faces from a holder's record and a template.

    import cardface
    png = cardface.Renderer("fprc-2023").render_png(record_dict, side="front", dpi=600)

A record is a dict (as in samples/*.json), JSON text, or a cardface.Card. Failures raise
cardface.Error (DataError, TemplateError, FileError) whose .field names the data field, template
JSON path or file at fault; messages never contain the holder's values. Raw faces
(Renderer.render_bitmap) are buffers numpy and Pillow take without copying.
"""

from cardface._errors import DataError, Error, FileError, TemplateError
from cardface._cardface import (
    Bitmap,
    Card,
    Renderer,
    set_data_dir,
    verify_seal,
    version,
)

__all__ = [
    "Bitmap",
    "Card",
    "DataError",
    "Error",
    "FileError",
    "Renderer",
    "TemplateError",
    "set_data_dir",
    "verify_seal",
    "version",
]
__version__ = version()
