"""The `diplograph` command line: thin commands over the library.

`core` holds the group, the shared options and the commands of the pipeline
(extract, ingest, query, evaluate, demo); each further module adds the commands
of one area to the same group when it is imported here. Every command parses
its options, calls one library function, formats the result and turns a
`DiplographError` into a clean error message.
"""

from __future__ import annotations

from diplograph.cli.core import cli, main

__all__ = ["cli", "main"]
