"""Reading a posted form once, with a clear error when the body is not a readable form (a cut-off or garbled
multipart upload, a missing or wrong boundary, text that is not UTF-8: a 400 naming the body, never a 500)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.core.limits import MAX_ID, MAX_JSON_STRING, InputError, text_problem


class UnreadableForm(InputError):
    """The body claims to be a form but cannot be read as one."""

    def __init__(self, problem: str) -> None:
        super().__init__("body", problem, 400)

    def __str__(self) -> str:
        return self.problem


async def read_form(request: web.Request) -> Any:
    """The request's form fields (aiohttp keeps them, so later reads are free); every text field is held to
    the limits (length, no NUL)."""
    try:
        form = await request.post()
    except web.HTTPException:
        raise  # too large (413) and the like: answered by the input guard
    except Exception as error:
        raise UnreadableForm(f"the form could not be read ({error.__class__.__name__}); send it again") from None
    for name, value in form.items():
        if isinstance(value, str) and (problem := text_problem(name, MAX_ID) or text_problem(value, MAX_JSON_STRING)):
            raise InputError(name[:MAX_ID].replace("\x00", ""), problem)
    return form


def form_text(form: Any, field: str, max_length: int, default: str = "") -> str:
    """A text field of a form: a file sent in its place, or text over ``max_length``, is an ``InputError``."""
    value = form.get(field, default)
    if not isinstance(value, str):
        raise InputError(field, "must be a text field, not a file")
    if len(value) > max_length:
        raise InputError(field, f"longer than {max_length} characters")
    return value


def form_file(form: Any, field: str, max_bytes: int) -> bytes:
    """The bytes of an uploaded file field (empty when absent); over ``max_bytes`` is an ``InputError``."""
    upload = form.get(field)
    if upload is None or isinstance(upload, str):
        return upload.encode() if isinstance(upload, str) else b""
    raw: bytes = upload.file.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise InputError(field, f"larger than {max_bytes} bytes", 413)
    return raw
