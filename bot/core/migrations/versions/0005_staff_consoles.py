"""staff consoles: staff users, handoffs' claim and resolution times, who wrote a message, and an
audit log that can only be appended to

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 10:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.core.models import UTCDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_APPEND_ONLY = "the audit log is append-only"


def upgrade() -> None:
    op.create_table(
        "staffuser",
        sa.Column("username", sa.String(), primary_key=True),
        sa.Column("display_name", sa.String(), nullable=False, server_default=""),
        sa.Column("password_hash", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("team", sa.String(), nullable=False, server_default="scheduling"),
        sa.Column("locale", sa.String(), nullable=False, server_default="en"),
        sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    with op.batch_alter_table("handoff") as batch:
        batch.add_column(sa.Column("claimed_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("resolved_by", sa.String(), nullable=True))
        batch.add_column(sa.Column("resolved_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("acknowledged", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("message") as batch:
        batch.add_column(sa.Column("sent_by", sa.String(), nullable=True))
    op.create_index("ix_auditentry_subject", "auditentry", ["subject"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION auditentry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '{_APPEND_ONLY}'; END $$""")
        op.execute("CREATE TRIGGER auditentry_append_only BEFORE UPDATE OR DELETE ON auditentry "
                   "FOR EACH ROW EXECUTE FUNCTION auditentry_append_only()")
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER auditentry_no_{verb.lower()} BEFORE {verb} ON auditentry "
                       f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER auditentry_append_only ON auditentry")
        op.execute("DROP FUNCTION auditentry_append_only()")
    else:
        op.execute("DROP TRIGGER auditentry_no_update")
        op.execute("DROP TRIGGER auditentry_no_delete")
    op.drop_index("ix_auditentry_subject", "auditentry")
    with op.batch_alter_table("message") as batch:
        batch.drop_column("sent_by")
    with op.batch_alter_table("handoff") as batch:
        for column in ("acknowledged", "resolved_at", "resolved_by", "claimed_at"):
            batch.drop_column(column)
    op.drop_table("staffuser")
