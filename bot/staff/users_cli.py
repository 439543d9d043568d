"""``outreach users``: add, change and list staff accounts from the command line."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys

from sqlmodel import select

from bot.core.db import Database
from bot.core.models import StaffUser
from bot.core.settings import Settings
from bot.staff.accounts import LOCALES, ROLES, AccountError, add_user
from bot.staff.reasons import TEAMS


def add_arguments(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    users = commands.add_parser("users", help="staff accounts for the consoles").add_subparsers(
        dest="users_command", required=True)
    add = users.add_parser("add", help="add a staff account (or change one, with --replace)")
    add.add_argument("username")
    add.add_argument("--role", dest="staff_role", required=True, choices=ROLES)
    add.add_argument("--team", default="scheduling", choices=TEAMS, help="the handoff queue they see first")
    add.add_argument("--locale", default="en", choices=LOCALES, help="the consoles' language for them")
    add.add_argument("--name", default="", help="the name shown to colleagues")
    add.add_argument("--replace", action="store_true", help="change an existing account (and its password)")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from standard input (else OUTREACH_NEW_PASSWORD, else a prompt)")
    users.add_parser("list", help="list staff accounts")


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.users_command == "list":
        return asyncio.run(_list(settings))
    password = _password(args)
    if password is None:
        return 2

    async def save() -> None:
        db = Database(settings.database_url)
        try:
            await db.run(lambda s: add_user(s, args.username, password, args.staff_role, team=args.team,
                                            locale=args.locale, display_name=args.name, replace=args.replace))
        finally:
            await db.dispose()

    try:
        asyncio.run(save())
    except AccountError as error:
        print(f"outreach: {error}", file=sys.stderr)
        return 2
    print(f"users: {args.username.strip().lower()} can sign in at /staff/login as {args.staff_role}")
    return 0


def _password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    if os.environ.get("OUTREACH_NEW_PASSWORD"):
        return os.environ["OUTREACH_NEW_PASSWORD"]
    if not sys.stdin.isatty():
        print("outreach: give the password with --password-stdin or OUTREACH_NEW_PASSWORD", file=sys.stderr)
        return None
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        print("outreach: the passwords differ", file=sys.stderr)
        return None
    return first


async def _list(settings: Settings) -> int:
    db = Database(settings.database_url)
    try:
        users = await db.run(lambda s: list(s.exec(select(StaffUser).order_by(StaffUser.username))))
    finally:
        await db.dispose()
    for user in users:
        locked = " (locked)" if user.locked_until else ""
        print(f"{user.username:20} {user.role:11} {user.team:11} {user.locale}  {user.display_name}{locked}")
    return 0
