"""Reading a posted form once, with a clear error when the body is not a readable form (a cut-off or garbled
multipart upload must be a 400, never a 500)."""

from __future__ import annotations

from typing import Any

from aiohttp import web


class UnreadableForm(ValueError):
    """The body claims to be a form but cannot be read as one."""


async def read_form(request: web.Request) -> Any:
    """The request's form fields (aiohttp keeps them, so later reads are free)."""
    try:
        return await request.post()
    except web.HTTPException:
        raise  # too large (413) and the like: aiohttp's own answer
    except Exception as error:
        raise UnreadableForm(f"the form could not be read ({error.__class__.__name__}); send it again") from None
