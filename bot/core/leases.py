"""Leases kept in the database, so that processes agree on who does what (one holder per key at a time)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, or_, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col

from bot.core.models import AddressLease, utcnow


def take_address_lease(session: Session, address: str, owner: str, for_time: timedelta) -> bool:
    """Hold ``address`` for ``owner`` (or extend the hold) unless someone else holds an unexpired lease."""
    now = utcnow()
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    created = session.execute(
        insert(AddressLease).values(address=address, owner=owner, expires_at=now + for_time)
        .on_conflict_do_nothing(index_elements=["address"])
    )
    if created.rowcount == 1:  # type: ignore[attr-defined]
        return True
    taken = session.execute(
        update(AddressLease)
        .where(col(AddressLease.address) == address,
               or_(col(AddressLease.owner) == owner, col(AddressLease.expires_at) < now))
        .values(owner=owner, expires_at=now + for_time)
    )
    return taken.rowcount == 1  # type: ignore[attr-defined]


def release_address_lease(session: Session, address: str, owner: str) -> None:
    session.execute(delete(AddressLease).where(col(AddressLease.address) == address,
                                               col(AddressLease.owner) == owner))


def address_is_free(session: Session, address: str) -> bool:
    lease = session.get(AddressLease, address)
    return lease is None or lease.expires_at < utcnow()
