"""The OpenAPI document tells the truth: schemathesis fuzzes every operation and nothing is a server error.

Every operation of `/api/openapi.json` (reads, extract, ingest, review) is called with
inputs generated from its own schema, valid and invalid, with the write token, on
a store of a few sample articles. Each answer must not be a 5xx, must use a status
code the document declares for that operation, and must have the declared content
type and body shape. This is how the issue's "the OpenAPI document is accurate" is
checked; a new endpoint is covered as soon as it is declared.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from diplograph.extract.pipeline import process_corpus
from diplograph.store import Store
from diplograph.web.app import create_app

TOKEN = "fuzzing-token"
# A few sample articles: enough for every kind of answer (events, mechanisms, sources) to be non-empty.
ARTICLES = ("cambodia-china-2plus2-brief-tuesday.txt", "china-indonesia-2plus2-beijing-2025.txt")


def _app() -> Any:
    """The application over an in-memory store of a few sample articles (built at collection time)."""
    sample = resources.files("diplograph") / "sample"
    store = Store.memory()
    process_corpus([str(sample / name) for name in ARTICLES], store)
    # schemathesis' in-process client names the server "testserver", a host the app refuses by default
    return create_app(store, token=TOKEN, allowed_hosts=["testserver"])


schema = schemathesis.openapi.from_asgi("/api/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_keeps_to_its_documented_answers(case: Any) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {TOKEN}"},
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
