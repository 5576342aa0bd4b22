"""Alembic's entry point for diplograph's migrations (`versions/`), run by `diplograph.store.schema`.

diplograph configures Alembic in code, without an alembic.ini: `schema.alembic_config`
points `script_location` at this directory of the installed package and passes, in
`config.attributes["connection"]`, a connection already inside a transaction that holds
the store's write lock, so an upgrade commits or rolls back as a whole and no writer runs
in between. Without that connection (the `alembic` command run by hand with a
`sqlalchemy.url`), the same lock and single transaction are taken here.
"""

from __future__ import annotations

from alembic import context

from diplograph.store import schema

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("set sqlalchemy.url, or run `diplograph db upgrade --db URL`")
    engine, _ = schema.open_engine(url)
    with engine.connect() as connection, connection.begin():
        schema.take_write_lock(connection)
        context.configure(connection=connection, target_metadata=schema.metadata)
        context.run_migrations()
    engine.dispose()
else:
    context.configure(connection=connection, target_metadata=schema.metadata)
    with context.begin_transaction():
        context.run_migrations()
