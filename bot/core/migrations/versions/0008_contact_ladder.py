"""the contact ladder: which rung a task has reached and the channel it is on; tasks already waiting for a reply
get their first rung a day from now (not at once)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outreachtask") as batch:
        batch.add_column(sa.Column("ladder_step", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("channel", sa.String(), nullable=True))
    tasks = sa.table("outreachtask", sa.column("state", sa.String()), sa.column("next_attempt_at", sa.DateTime()))
    later = sa.text("(now() at time zone 'utc') + interval '1 day'") if op.get_bind().dialect.name == "postgresql" \
        else sa.func.datetime("now", "+1 day")  # naive UTC, as every time column holds
    op.execute(tasks.update().where(tasks.c.state == "awaiting_reply").values(next_attempt_at=later))


def downgrade() -> None:
    with op.batch_alter_table("outreachtask") as batch:
        batch.drop_column("channel")
        batch.drop_column("ladder_step")
