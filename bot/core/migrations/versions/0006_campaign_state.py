"""campaigns have a state (draft, running, paused, cancelled) and remember who uploaded them; a staff member's
sessions can be ended (signing out ends every session of theirs)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 11:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.core.models import UTCDateTime

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("campaign") as batch:
        batch.add_column(sa.Column("state", sa.String(), nullable=False, server_default="running"))
        batch.add_column(sa.Column("created_by", sa.String(), nullable=True))
    op.create_index("ix_campaign_state", "campaign", ["state"])
    with op.batch_alter_table("staffuser") as batch:
        batch.add_column(sa.Column("sessions_valid_after", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("staffuser") as batch:
        batch.drop_column("sessions_valid_after")
    op.drop_index("ix_campaign_state", "campaign")
    with op.batch_alter_table("campaign") as batch:
        batch.drop_column("created_by")
        batch.drop_column("state")
