"""several processes: address leases for in-order inbound processing, what was on offer when a patient wrote

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.core.models import UTCDateTime

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":  # the engine keeps its conversations beside ours
        op.execute("CREATE SCHEMA IF NOT EXISTS rasa")
    op.create_table(
        "addresslease",
        sa.Column("address", sa.String(), nullable=False),
        sa.Column("owner", sa.String(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("address"),
    )
    with op.batch_alter_table("message") as batch:
        batch.add_column(sa.Column("offered_slot_ids", sa.JSON(), nullable=True))
        batch.create_index("ix_message_engine_state", ["engine_state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("message") as batch:
        batch.drop_index("ix_message_engine_state")
        batch.drop_column("offered_slot_ids")
    op.drop_table("addresslease")
