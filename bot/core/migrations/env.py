"""Alembic environment: the URL comes from the caller (bot.core.db.upgrade_database); migrations run through
the same async drivers as the service (aiosqlite, asyncpg)."""

import asyncio

from alembic import context
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import bot.core.models  # noqa: F401  (registers the tables)
from bot.core.db import is_sqlite, make_engine

target_metadata = SQLModel.metadata


def _migrate(connection: Connection, batch: bool) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=batch)
    with context.begin_transaction():
        context.run_migrations()


async def run_migrations() -> None:
    url = context.config.get_main_option("sqlalchemy.url")
    assert url, "sqlalchemy.url is required"
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_migrate, is_sqlite(url))
            await connection.commit()
    finally:
        await engine.dispose()


asyncio.run(run_migrations())
