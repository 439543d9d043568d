"""where a handoff's message came from when it has no conversation (an unknown sender's text, chat or call)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("handoff") as batch:
        batch.add_column(sa.Column("address", sa.String(), nullable=True))
        batch.create_index("ix_handoff_address", ["address"])


def downgrade() -> None:
    with op.batch_alter_table("handoff") as batch:
        batch.drop_index("ix_handoff_address")
        batch.drop_column("address")
