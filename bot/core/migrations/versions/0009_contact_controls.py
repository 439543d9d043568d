"""contact controls: do-not-contact and deceased flags on the patient, a campaign's send rate, the proactive
contacts the frequency cap counts, and the shared send budgets

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 14:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.core.models import UTCDateTime

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("patient") as batch:
        batch.add_column(sa.Column("do_not_contact", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("deceased", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("campaign") as batch:
        batch.add_column(sa.Column("rate", sa.Float(), nullable=True))
        batch.add_column(sa.Column("next_send_at", UTCDateTime(), nullable=True))
    op.create_table(
        "proactivecontact",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("patient_id", sa.String(), sa.ForeignKey("patient.id"), nullable=False),
        sa.Column("task_id", sa.String(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_proactivecontact_patient_id", "proactivecontact", ["patient_id"])
    op.create_index("ix_proactivecontact_task_id", "proactivecontact", ["task_id"])
    op.create_index("ix_proactivecontact_at", "proactivecontact", ["at"])
    op.create_table(
        "sendbudget",
        sa.Column("name", sa.String(), primary_key=True),
        sa.Column("next_send_at", UTCDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sendbudget")
    op.drop_index("ix_proactivecontact_at", "proactivecontact")
    op.drop_index("ix_proactivecontact_task_id", "proactivecontact")
    op.drop_index("ix_proactivecontact_patient_id", "proactivecontact")
    op.drop_table("proactivecontact")
    with op.batch_alter_table("campaign") as batch:
        batch.drop_column("next_send_at")
        batch.drop_column("rate")
    with op.batch_alter_table("patient") as batch:
        batch.drop_column("deceased")
        batch.drop_column("do_not_contact")
