"""Leases kept in the database, so that processes agree on who does what (one holder per key at a time)."""

from __future__ import annotations

import os
import socket
from datetime import timedelta

from sqlalchemy import delete, or_, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from bot.core.models import AddressLease, OutreachTask, utcnow

HOST = socket.gethostname()


def lease_owner(*parts: object) -> str:
    """An owner name for leases: this host and process, then whatever tells this holder apart."""
    return ":".join([HOST, str(os.getpid()), *(str(p) for p in parts)])


def owner_is_gone(owner: str) -> bool:
    """True when ``owner`` names a process on this host that is no longer running (it was killed): its leases
    need not wait for their expiry. Owners on other hosts are never judged from here."""
    host, _, rest = owner.partition(":")
    pid = rest.split(":", 1)[0]
    if host != HOST or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def expire_leases_of_dead_processes(session: Session) -> int:
    """Let go at once of the task and address leases held by processes of this host that died. Returns how
    many owners were found dead."""
    now = utcnow()
    owners = set(session.exec(select(OutreachTask.lease_owner).where(
        col(OutreachTask.lease_owner).is_not(None), col(OutreachTask.lease_expires_at) > now).distinct()).all())
    owners |= set(session.exec(select(AddressLease.owner).where(col(AddressLease.expires_at) > now)).all())
    dead = [owner for owner in owners if owner and owner_is_gone(owner)]
    if dead:
        session.execute(update(OutreachTask).where(col(OutreachTask.lease_owner).in_(dead))
                        .values(lease_expires_at=now - timedelta(seconds=1)))
        session.execute(delete(AddressLease).where(col(AddressLease.owner).in_(dead)))
    return len(dead)


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
