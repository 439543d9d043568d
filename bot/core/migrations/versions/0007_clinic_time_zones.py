"""a clinic's time zone, on its provider and on each open time: a visit's time is said in the clinic's zone

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 12:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("provider") as batch:
        batch.add_column(sa.Column("timezone", sa.String(), nullable=True))
    with op.batch_alter_table("slot") as batch:
        batch.add_column(sa.Column("timezone", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("slot") as batch:
        batch.drop_column("timezone")
    with op.batch_alter_table("provider") as batch:
        batch.drop_column("timezone")
