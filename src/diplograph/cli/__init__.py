"""The `diplograph` command line: thin commands over the library.

`core` holds the group, the shared options and the commands of the pipeline
(extract, ingest, query, evaluate, demo); each further module adds the commands
of one area to the same group when it is imported here. Every command parses
its options, calls one library function, formats the result and turns a
`DiplographError` into a clean error message. Registering the commands imports only
click, rich and the foundation; each command imports the library it calls when it runs
(tests/test_startup.py).
"""

from __future__ import annotations

from diplograph.cli import analysis as _analysis  # noqa: F401  (registers its commands)
from diplograph.cli import db as _db  # noqa: F401  (registers its commands)
from diplograph.cli import export as _export  # noqa: F401  (registers its commands)
from diplograph.cli import forecast as _forecast  # noqa: F401  (registers its commands)
from diplograph.cli import watch as _watch  # noqa: F401  (registers its commands)
from diplograph.cli import web as _web  # noqa: F401  (registers its commands)
from diplograph.cli.core import cli, main

__all__ = ["cli", "main"]
