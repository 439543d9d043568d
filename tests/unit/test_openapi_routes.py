"""Every /api/v1 route the app registers is in the OpenAPI document, and the document names no other."""

from __future__ import annotations

from pathlib import Path

import schemathesis

from bot.core.settings import Settings
from bot.web.app import build_app
from bot.web.openapi import openapi_document


def test_the_document_lists_exactly_the_routes_the_app_serves(tmp_path: Path) -> None:
    settings = Settings.from_env({"OUTREACH_DATABASE_URL": f"sqlite:///{tmp_path / 'routes.db'}",
                                  "OUTREACH_STAFF_SESSION_KEY": "A" * 43 + "=",
                                  "OUTREACH_JOURNAL_DIR": str(tmp_path / "journal")})
    app = build_app(settings)
    served = {(route.method.lower(), route.resource.canonical) for route in app.router.routes()
              if route.resource is not None and route.resource.canonical.startswith("/api/")
              and route.method != "HEAD"}
    document = openapi_document()
    described = {(method, path) for path, item in document["paths"].items() for method in item}
    assert served == described
    assert all(path.startswith("/api/v1/") for _, path in described)


def test_the_document_is_valid_openapi_3_1() -> None:
    document = openapi_document()
    assert document["openapi"] == "3.1.0"
    loaded = schemathesis.openapi.from_dict(document)
    loaded.validate()  # against the OpenAPI 3.1 meta-schema
    assert all(result.ok() for result in loaded.get_all_operations())  # every operation's schemas resolve
    operation_ids = [op["operationId"] for item in document["paths"].values() for op in item.values()]
    assert len(operation_ids) == len(set(operation_ids))
