"""Staff accounts: argon2 password hashes, roles, lock-out after repeated failures, and the audit log."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, col, select

from bot.core.models import AuditEntry, StaffUser, utcnow
from bot.staff.reasons import TEAMS

ROLES = ("scheduler", "operations", "admin")
LOCALES = ("en", "es")
MIN_PASSWORD_LENGTH = 12
FAILURES_BEFORE_LOCK = 5
LOCK_FOR = timedelta(minutes=15)
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,62}$")

_hasher = PasswordHasher()
# verified against when the username is unknown, so a wrong name takes as long as a wrong password
_DUMMY_HASH = _hasher.hash("not-a-password-of-anyone")


class AccountError(ValueError):
    """A staff account cannot be made as asked; the message says why."""


@dataclass(frozen=True)
class StaffMember:
    """Who is signed in, as the pages need it (no password hash)."""

    username: str
    display_name: str
    role: str
    team: str
    locale: str

    @property
    def actor(self) -> str:
        return f"staff:{self.username}"

    def may(self, *roles: str) -> bool:
        """Admins may do everything; the others what their role is for."""
        return self.role == "admin" or self.role in roles


def member(user: StaffUser) -> StaffMember:
    return StaffMember(user.username, user.display_name or user.username, user.role, user.team, user.locale)


def add_user(session: Session, username: str, password: str, role: str, *, team: str = "scheduling",
             locale: str = "en", display_name: str = "", replace: bool = False) -> StaffMember:
    """Create a staff account (or, with ``replace``, set its password, role, team and locale)."""
    username = username.strip().lower()
    if not _USERNAME.match(username):
        raise AccountError("username: 2–63 lower-case letters, digits, '.', '_' or '-', "
                           "starting with a letter or digit")
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if team not in TEAMS:
        raise AccountError(f"team must be one of {', '.join(TEAMS)}, not {team!r}")
    if locale not in LOCALES:
        raise AccountError(f"locale must be one of {', '.join(LOCALES)}, not {locale!r}")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password must be at least {MIN_PASSWORD_LENGTH} characters")
    user = session.get(StaffUser, username)
    if user is not None and not replace:
        raise AccountError(f"there is already a user {username!r} (use --replace to change it)")
    user = user or StaffUser(username=username, password_hash="", role=role)
    user.password_hash = _hasher.hash(password)
    user.role, user.team, user.locale = role, team, locale
    user.display_name = display_name or user.display_name or username
    user.failed_sign_ins, user.locked_until = 0, None
    user.sessions_valid_after = utcnow()  # a new password ends the sessions signed in with the old one
    session.add(user)
    audit(session, "system", "user_saved", f"user:{username}", {"role": role, "team": team})
    return member(user)


@dataclass(frozen=True)
class SignIn:
    member: StaffMember | None
    problem: str = ""  # "wrong" | "locked"


def sign_in(session: Session, username: str, password: str) -> SignIn:
    """Check a password. Each failure counts; after FAILURES_BEFORE_LOCK in a row the account is locked for
    LOCK_FOR (a right password then fails too). Every attempt is audited."""
    username = username.strip().lower()
    now = utcnow()
    user = session.get(StaffUser, username) if username else None
    if user is None:
        _verify(_DUMMY_HASH, password)
        audit(session, "anonymous", "sign_in_failed", f"user:{username[:64]}", {"why": "unknown user"})
        return SignIn(None, "wrong")
    if user.locked_until is not None and user.locked_until > now:
        audit(session, f"staff:{username}", "sign_in_refused", f"user:{username}", {"why": "locked"})
        return SignIn(None, "locked")
    if not _verify(user.password_hash, password):
        user.failed_sign_ins += 1
        locked = user.failed_sign_ins >= FAILURES_BEFORE_LOCK
        if locked:
            user.locked_until, user.failed_sign_ins = now + LOCK_FOR, 0
        session.add(user)
        audit(session, f"staff:{username}", "sign_in_failed", f"user:{username}",
              {"why": "wrong password", "locked": locked})
        return SignIn(None, "locked" if locked else "wrong")
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.failed_sign_ins, user.locked_until = 0, None
    session.add(user)
    audit(session, f"staff:{username}", "signed_in", f"user:{username}", {})
    return SignIn(member(user))


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def current_member(session: Session, username: str, signed_in_at: datetime) -> StaffMember | None:
    """The signed-in member as the database has them now: a removed or locked account, or a session from
    before the member signed out (anywhere) or got a new password, is signed out."""
    user = session.get(StaffUser, username)
    if user is None or (user.locked_until is not None and user.locked_until > utcnow()):
        return None
    if user.sessions_valid_after is not None and signed_in_at < user.sessions_valid_after:
        return None
    return member(user)


def sign_out(session: Session, username: str) -> None:
    """End every session of the member: a copied or forgotten cookie stops working at once."""
    user = session.get(StaffUser, username)
    if user is not None:
        user.sessions_valid_after = utcnow()
        session.add(user)
        audit(session, f"staff:{username}", "signed_out", f"user:{username}", {})


def audit(session: Session, actor: str, action: str, subject: str, detail: dict[str, Any]) -> None:
    """Append one row to the audit log, committed with the change it describes."""
    session.add(AuditEntry(actor=actor, action=action, subject=subject, detail=detail))


def audit_log(session: Session, limit: int = 200, actor: str | None = None, subject: str | None = None
              ) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(col(AuditEntry.id).desc()).limit(limit)
    if actor:
        query = query.where(AuditEntry.actor == actor)
    if subject:
        query = query.where(AuditEntry.subject == subject)
    return list(session.exec(query))
