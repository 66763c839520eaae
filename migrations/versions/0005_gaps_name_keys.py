"""search keys of seekers' names (case-, ё- and Kazakh-letter-insensitive name search)

Revision ID: 0005_gaps
Revises: 0004
Create Date: 2026-12-02 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from matching.text.names import name_key

revision: str = "0005_gaps"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

seeker = sa.table(
    "seeker",
    sa.column("id", sa.Integer),
    sa.column("last_name", sa.String),
    sa.column("first_name", sa.String),
    sa.column("last_name_key", sa.String),
    sa.column("first_name_key", sa.String),
)


def upgrade() -> None:
    with op.batch_alter_table("seeker", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("last_name_key", sa.String(length=120), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("first_name_key", sa.String(length=120), nullable=False, server_default="")
        )
    bind = op.get_bind()
    rows = bind.execute(sa.select(seeker.c.id, seeker.c.last_name, seeker.c.first_name)).all()
    keys = [  # computed in Python: one function keys stored and typed names
        {"key_id": r.id, "last": name_key(r.last_name), "first": name_key(r.first_name)}
        for r in rows
    ]
    fill = (
        seeker.update()
        .where(seeker.c.id == sa.bindparam("key_id"))
        .values(last_name_key=sa.bindparam("last"), first_name_key=sa.bindparam("first"))
    )
    for start in range(0, len(keys), 1000):
        bind.execute(fill, keys[start : start + 1000])
    with op.batch_alter_table("seeker", schema=None) as batch_op:
        batch_op.alter_column("last_name_key", server_default=None)
        batch_op.alter_column("first_name_key", server_default=None)
        batch_op.create_index(batch_op.f("ix_seeker_last_name_key"), ["last_name_key"])


def downgrade() -> None:
    with op.batch_alter_table("seeker", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_seeker_last_name_key"))
        batch_op.drop_column("first_name_key")
        batch_op.drop_column("last_name_key")
