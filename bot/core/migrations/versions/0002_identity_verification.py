"""identity verification: the patient's date of birth, and each conversation's identity state

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 16:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("patient") as batch:
        batch.add_column(sa.Column("birth_date", sa.Date(), nullable=True))
    with op.batch_alter_table("conversation") as batch:
        batch.add_column(sa.Column("identity_state", sa.String(), nullable=False, server_default="not_needed"))
        batch.add_column(sa.Column("identity_attempts", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("conversation") as batch:
        batch.drop_column("identity_attempts")
        batch.drop_column("identity_state")
    with op.batch_alter_table("patient") as batch:
        batch.drop_column("birth_date")
