"""The exceptions the C API's status codes become (raised from the _cardface extension)."""


class Error(Exception):
    """A cardface failure: .code ("data", "template", "file", "argument", ...), .field (where:
    a data field such as "id_number", a template JSON path, a file; may be empty) and .message."""

    def __init__(self, code, field, message):
        super().__init__(message)
        self.code = code
        self.field = field
        self.message = message


class DataError(Error, ValueError):
    """The holder's record is invalid."""


class TemplateError(Error):
    """The template is unknown, invalid or cannot serve the card."""


class FileError(Error):
    """A file is missing, unreadable or not what it should be."""


def error_class(code):
    return {"data": DataError, "template": TemplateError, "file": FileError}.get(code, Error)
