"""Exit 0 when the PostgreSQL server named by the URL answers; else say why and exit 1 (used by test.sh)."""

import asyncio
import sys

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.core.db import async_url


async def main(url: str) -> int:
    engine = create_async_engine(async_url(url))
    try:
        async with engine.connect() as connection:
            version = (await connection.execute(text("SHOW server_version"))).scalar()
        print(f"PostgreSQL {version} answers at {url}")
        return 0
    except Exception as error:
        print(f"PostgreSQL does not answer at {url}: {error.__class__.__name__}: {error}", file=sys.stderr)
        return 1
    finally:
        await engine.dispose()


sys.exit(asyncio.run(main(sys.argv[1])))
