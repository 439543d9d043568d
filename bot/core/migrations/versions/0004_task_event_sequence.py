"""each task counts its own workflow events (one statement numbers an event, instead of a lock and a max)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 07:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outreachtask") as batch:
        batch.add_column(sa.Column("event_sequence", sa.Integer(), nullable=False, server_default="0"))
    op.execute("UPDATE outreachtask SET event_sequence = (SELECT COALESCE(MAX(sequence), 0) FROM workflowevent "
               "WHERE workflowevent.subject = outreachtask.id)")


def downgrade() -> None:
    with op.batch_alter_table("outreachtask") as batch:
        batch.drop_column("event_sequence")
