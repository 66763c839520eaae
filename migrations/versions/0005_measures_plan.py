"""measures catalogue, referrals, family plan

Revision ID: 0005_measures
Revises: 0005_gaps
Create Date: 2026-12-02 12:42:40
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_measures"
down_revision: str | None = "0005_gaps"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "measure_course",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "short_training",
                "tipo",
                "retraining",
                "bastau_business",
                "microcredit",
                "resettlement",
                "orientation",
                name="measurekind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("title_kk", sa.String(length=255), nullable=False),
        sa.Column("title_ru", sa.String(length=255), nullable=False),
        sa.Column("provider", sa.String(length=255), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=True),
        sa.Column("locality_id", sa.Integer(), nullable=True),
        sa.Column("occupation_code", sa.String(length=4), nullable=True),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.Column("duration_months", sa.Integer(), nullable=True),
        sa.Column("duration_days", sa.Integer(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("seats", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centre.id"], name=op.f("fk_measure_course_centre_id_centre")
        ),
        sa.ForeignKeyConstraint(
            ["locality_id"], ["locality.id"], name=op.f("fk_measure_course_locality_id_locality")
        ),
        sa.ForeignKeyConstraint(
            ["region_id"], ["region.id"], name=op.f("fk_measure_course_region_id_region")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure_course")),
    )
    with op.batch_alter_table("measure_course", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_measure_course_centre_id"), ["centre_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_measure_course_kind"), ["kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_measure_course_region_id"), ["region_id"], unique=False
        )

    op.create_table(
        "measure_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seeker_id", sa.Integer(), nullable=False),
        sa.Column("self_employed", sa.Boolean(), nullable=False),
        sa.Column("being_laid_off", sa.Boolean(), nullable=False),
        sa.Column("laid_off", sa.Boolean(), nullable=False),
        sa.Column("school_leaver", sa.Boolean(), nullable=False),
        sa.Column("in_hardship", sa.Boolean(), nullable=False),
        sa.Column("district_centre", sa.Boolean(), nullable=False),
        sa.Column("tax_registered", sa.Boolean(), nullable=False),
        sa.Column("entrepreneurship_course_on", sa.Date(), nullable=True),
        sa.Column("certificate_on", sa.Date(), nullable=True),
        sa.Column("orphanage_leaver", sa.Boolean(), nullable=False),
        sa.Column("is_citizen", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["seeker_id"],
            ["seeker.id"],
            name=op.f("fk_measure_profile_seeker_id_seeker"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure_profile")),
        sa.UniqueConstraint("seeker_id", name=op.f("uq_measure_profile_seeker_id")),
    )
    op.create_table(
        "measure_referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seeker_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "short_training",
                "tipo",
                "retraining",
                "bastau_business",
                "microcredit",
                "resettlement",
                "orientation",
                name="measurekind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("course_id", sa.Integer(), nullable=True),
        sa.Column("centre_id", sa.Integer(), nullable=True),
        sa.Column("issued_by_id", sa.Integer(), nullable=True),
        sa.Column("requested_by_seeker", sa.Boolean(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("report_by", sa.Date(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "pending",
                "enrolled",
                "completed",
                "dropped",
                "declined",
                name="measureoutcome",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("enrolled_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("target_region_id", sa.Integer(), nullable=True),
        sa.Column("eligibility", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centre.id"], name=op.f("fk_measure_referral_centre_id_centre")
        ),
        sa.ForeignKeyConstraint(
            ["course_id"],
            ["measure_course.id"],
            name=op.f("fk_measure_referral_course_id_measure_course"),
        ),
        sa.ForeignKeyConstraint(
            ["issued_by_id"],
            ["user_account.id"],
            name=op.f("fk_measure_referral_issued_by_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["seeker_id"],
            ["seeker.id"],
            name=op.f("fk_measure_referral_seeker_id_seeker"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_region_id"],
            ["region.id"],
            name=op.f("fk_measure_referral_target_region_id_region"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure_referral")),
    )
    with op.batch_alter_table("measure_referral", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_measure_referral_centre_id"), ["centre_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_measure_referral_course_id"), ["course_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_measure_referral_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_measure_referral_outcome"), ["outcome"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_measure_referral_seeker_id"), ["seeker_id"], unique=False
        )

    op.create_table(
        "plan_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("family_id", sa.Integer(), nullable=False),
        sa.Column("seeker_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "job_search",
                "job_referral",
                "training",
                "bastau",
                "public_works",
                "social_job",
                "youth_practice",
                "orientation",
                "social_adaptation",
                name="planitemkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.String(length=500), nullable=True),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "done",
                "breached",
                "cancelled",
                name="planitemstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("measure_referral_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_plan_item_created_by_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["family_id"],
            ["family.id"],
            name=op.f("fk_plan_item_family_id_family"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["measure_referral_id"],
            ["measure_referral.id"],
            name=op.f("fk_plan_item_measure_referral_id_measure_referral"),
        ),
        sa.ForeignKeyConstraint(
            ["seeker_id"],
            ["seeker.id"],
            name=op.f("fk_plan_item_seeker_id_seeker"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_item")),
    )
    with op.batch_alter_table("plan_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_item_due_on"), ["due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_item_family_id"), ["family_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_item_seeker_id"), ["seeker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_item_status"), ["status"], unique=False)

    op.create_table(
        "contract_breach",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("family_id", sa.Integer(), nullable=False),
        sa.Column("plan_item_id", sa.Integer(), nullable=True),
        sa.Column("seeker_id", sa.Integer(), nullable=True),
        sa.Column("found_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["family_id"],
            ["family.id"],
            name=op.f("fk_contract_breach_family_id_family"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_item_id"],
            ["plan_item.id"],
            name=op.f("fk_contract_breach_plan_item_id_plan_item"),
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["user_account.id"],
            name=op.f("fk_contract_breach_recorded_by_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["seeker_id"],
            ["seeker.id"],
            name=op.f("fk_contract_breach_seeker_id_seeker"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_breach")),
    )
    with op.batch_alter_table("contract_breach", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contract_breach_family_id"), ["family_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("contract_breach", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contract_breach_family_id"))

    op.drop_table("contract_breach")
    with op.batch_alter_table("plan_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_item_status"))
        batch_op.drop_index(batch_op.f("ix_plan_item_seeker_id"))
        batch_op.drop_index(batch_op.f("ix_plan_item_family_id"))
        batch_op.drop_index(batch_op.f("ix_plan_item_due_on"))

    op.drop_table("plan_item")
    with op.batch_alter_table("measure_referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measure_referral_seeker_id"))
        batch_op.drop_index(batch_op.f("ix_measure_referral_outcome"))
        batch_op.drop_index(batch_op.f("ix_measure_referral_kind"))
        batch_op.drop_index(batch_op.f("ix_measure_referral_course_id"))
        batch_op.drop_index(batch_op.f("ix_measure_referral_centre_id"))

    op.drop_table("measure_referral")
    op.drop_table("measure_profile")
    with op.batch_alter_table("measure_course", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measure_course_region_id"))
        batch_op.drop_index(batch_op.f("ix_measure_course_kind"))
        batch_op.drop_index(batch_op.f("ix_measure_course_centre_id"))

    op.drop_table("measure_course")
