"""seeker.retained_until: a centre's record kept (minimised) after the account is deleted

Revision ID: 0005_trust
Revises: 0004
Create Date: 2026-12-02 13:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_trust"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("seeker", schema=None) as batch_op:
        batch_op.add_column(sa.Column("retained_until", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("seeker", schema=None) as batch_op:
        batch_op.drop_column("retained_until")
