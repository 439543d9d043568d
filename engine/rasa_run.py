"""Starts the Rasa engine (`rasa run …`, same arguments) with two costs taken out of every turn.

Measured with py-spy on `rasa run` during openings (bench/results.md): about 40 % of the engine's processor time
went to checking, on every custom-action and NLG response, that Rasa's own JSON schema is a valid schema
(``jsonschema.validate`` re-checks the schema each call) and about 10 % to the SQLite tracker store waiting on
a disk flush for every commit. Responses are still validated against the same schemas, by validators compiled
once; the SQLite tracker store runs in WAL mode with normal synchronisation (PostgreSQL is untouched).

The API token comes from the environment, never from the command line (see ``_token_from_environment``).
"""

from __future__ import annotations

import os
import sys
from typing import Any

from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.core.nlg import callback
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.exceptions import RasaException
from sqlalchemy import event
from sqlalchemy.engine import Engine


def _compiled(schema: dict[str, Any]) -> Any:
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


_ACTION_RESPONSE = _compiled(RemoteAction.action_response_format_spec())
_NLG_RESPONSE = _compiled(callback.nlg_response_format_spec())


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    error: ValidationError | None = best_match(_ACTION_RESPONSE.iter_errors(result))
    if error is not None:
        error.message += (". Failed to validate Action server response from API, make sure your response from the "
                          f"Action endpoint is valid. For more information about the format visit "
                          f"{DOCS_BASE_URL}/custom-actions")
        raise error
    return True


def _validate_nlg_response(content: dict[str, Any] | None) -> bool:
    if content is None or content == "":
        return True
    error: ValidationError | None = best_match(_NLG_RESPONSE.iter_errors(content))
    if error is not None:
        raise RasaException(f"{error.message}. Failed to validate NLG response from API, make sure your response "
                            "from the NLG endpoint is valid.")
    return True


def _sqlite_without_flush_per_commit(dbapi_connection: Any, _record: Any) -> None:
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()


def install() -> None:
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    callback.CallbackNaturalLanguageGenerator.validate_response = staticmethod(_validate_nlg_response)  # type: ignore[method-assign,assignment]
    event.listen(Engine, "connect", _sqlite_without_flush_per_commit)


def _token_from_environment(argv: list[str]) -> list[str]:
    """Rasa's API token from the environment (``OUTREACH_ENGINE_TOKEN``), given to Rasa here, inside the
    process, so that it never stands on the command line where any local user could read it."""
    token = os.environ.get("OUTREACH_ENGINE_TOKEN", "")
    if argv[1:2] == ["run"] and token and "--auth-token" not in argv:
        return [*argv, "--auth-token", token]
    return argv


if __name__ == "__main__":
    install()
    from rasa.__main__ import main

    sys.argv = _token_from_environment(["rasa", *sys.argv[1:]])
    sys.exit(main())
