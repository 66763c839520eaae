"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:25:56.154864
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "calendar_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "holiday",
                "day_off_transfer",
                "working_day",
                name="holidaykind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("name_kk", sa.String(length=255), nullable=False),
        sa.Column("name_ru", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_day")),
    )
    op.create_table(
        "occupation",
        sa.Column("code", sa.String(length=4), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("parent_code", sa.String(length=4), nullable=True),
        sa.Column("name_en", sa.String(length=255), nullable=False),
        sa.Column("name_ru", sa.String(length=255), nullable=False),
        sa.Column("name_kk", sa.String(length=255), nullable=False),
        sa.Column("synonyms_ru", sa.JSON(), nullable=False),
        sa.Column("synonyms_kk", sa.JSON(), nullable=False),
        sa.Column("synonyms_en", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_code"], ["occupation.code"], name=op.f("fk_occupation_parent_code_occupation")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_occupation")),
    )
    with op.batch_alter_table("occupation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_occupation_parent_code"), ["parent_code"], unique=False
        )

    op.create_table(
        "outbox_event",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("doc_type", sa.String(length=16), nullable=False),
        sa.Column("doc_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("available_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("dead", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_event")),
    )
    with op.batch_alter_table("outbox_event", schema=None) as batch_op:
        batch_op.create_index(
            "ix_outbox_event_pending", ["processed_at", "dead", "available_at"], unique=False
        )

    op.create_table(
        "region",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kato", sa.String(length=9), nullable=False),
        sa.Column("name_kk", sa.String(length=120), nullable=False),
        sa.Column("name_ru", sa.String(length=120), nullable=False),
        sa.Column("name_en", sa.String(length=120), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("oblast", "city", name="regionkind", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("centre_kk", sa.String(length=120), nullable=False),
        sa.Column("centre_ru", sa.String(length=120), nullable=False),
        sa.Column("lat", sa.Double(), nullable=False),
        sa.Column("lon", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_region")),
        sa.UniqueConstraint("kato", name=op.f("uq_region_kato")),
    )
    op.create_table(
        "locality",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kato", sa.String(length=9), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("district_kk", sa.String(length=120), nullable=True),
        sa.Column("district_ru", sa.String(length=120), nullable=True),
        sa.Column("name_kk", sa.String(length=120), nullable=False),
        sa.Column("name_ru", sa.String(length=120), nullable=False),
        sa.Column("name_en", sa.String(length=120), nullable=False),
        sa.Column("lat", sa.Double(), nullable=False),
        sa.Column("lon", sa.Double(), nullable=False),
        sa.Column("is_urban", sa.Boolean(), nullable=False),
        sa.Column("is_region_centre", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_id"], ["region.id"], name=op.f("fk_locality_region_id_region")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_locality")),
        sa.UniqueConstraint("kato", name=op.f("uq_locality_kato")),
    )
    with op.batch_alter_table("locality", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_locality_region_id"), ["region_id"], unique=False)

    op.create_table(
        "centre",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name_kk", sa.String(length=255), nullable=False),
        sa.Column("name_ru", sa.String(length=255), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("locality_id", sa.Integer(), nullable=True),
        sa.Column("address", sa.String(length=255), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["locality_id"], ["locality.id"], name=op.f("fk_centre_locality_id_locality")
        ),
        sa.ForeignKeyConstraint(
            ["region_id"], ["region.id"], name=op.f("fk_centre_region_id_region")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_centre")),
    )
    with op.batch_alter_table("centre", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_centre_region_id"), ["region_id"], unique=False)

    op.create_table(
        "employer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bin", sa.String(length=12), nullable=True),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=True),
        sa.Column("locality_id", sa.Integer(), nullable=True),
        sa.Column(
            "ownership_form",
            sa.Enum(
                "private",
                "state",
                "quasi_state",
                "ngo",
                "individual_entrepreneur",
                "foreign",
                name="ownershipform",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("contact_name", sa.String(length=255), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("email", sa.String(length=255), nullable=True),
        sa.Column("address", sa.String(length=255), nullable=True),
        sa.Column("website", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["locality_id"], ["locality.id"], name=op.f("fk_employer_locality_id_locality")
        ),
        sa.ForeignKeyConstraint(
            ["region_id"], ["region.id"], name=op.f("fk_employer_region_id_region")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employer")),
        sa.UniqueConstraint("bin", name=op.f("uq_employer_bin")),
    )
    with op.batch_alter_table("employer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_employer_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_employer_region_id"), ["region_id"], unique=False)

    op.create_table(
        "family",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=True),
        sa.Column("contract_from", sa.Date(), nullable=True),
        sa.Column("contract_to", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centre.id"], name=op.f("fk_family_centre_id_centre")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family")),
    )
    with op.batch_alter_table("family", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_family_centre_id"), ["centre_id"], unique=False)

    op.create_table(
        "user_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "seeker", "employer", "staff", "admin", name="role", native_enum=False, length=16
            ),
            nullable=False,
        ),
        sa.Column("display_name", sa.String(length=255), nullable=False),
        sa.Column("locale", sa.String(length=2), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=True),
        sa.Column("employer_id", sa.Integer(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centre.id"], name=op.f("fk_user_account_centre_id_centre")
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["employer.id"], name=op.f("fk_user_account_employer_id_employer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("email", name=op.f("uq_user_account_email")),
    )
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_account_centre_id"), ["centre_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_user_account_employer_id"), ["employer_id"], unique=False
        )

    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity_type", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("ip", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_audit_log_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_user_id"), ["user_id"], unique=False)

    op.create_table(
        "seeker",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("iin", sa.String(length=12), nullable=True),
        sa.Column("last_name", sa.String(length=120), nullable=False),
        sa.Column("first_name", sa.String(length=120), nullable=False),
        sa.Column("patronymic", sa.String(length=120), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column(
            "sex",
            sa.Enum("male", "female", name="sex", native_enum=False, length=8),
            nullable=False,
        ),
        sa.Column("locality_id", sa.Integer(), nullable=True),
        sa.Column("address", sa.String(length=255), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("email", sa.String(length=255), nullable=True),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.Column("desired_occupations", sa.JSON(), nullable=False),
        sa.Column("desired_salary", sa.Integer(), nullable=True),
        sa.Column("desired_schedules", sa.JSON(), nullable=False),
        sa.Column("max_commute_km", sa.Integer(), nullable=True),
        sa.Column("disability_group", sa.Integer(), nullable=True),
        sa.Column("health_restrictions", sa.Text(), nullable=True),
        sa.Column("receives_job_loss_payment", sa.Boolean(), nullable=False),
        sa.Column("is_student", sa.Boolean(), nullable=False),
        sa.Column("is_full_time_student", sa.Boolean(), nullable=False),
        sa.Column("is_carer", sa.Boolean(), nullable=False),
        sa.Column("is_kandas", sa.Boolean(), nullable=False),
        sa.Column("has_paid_work", sa.Boolean(), nullable=False),
        sa.Column("long_illness", sa.Boolean(), nullable=False),
        sa.Column("on_downtime", sa.Boolean(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "job_seeker",
                "unemployed",
                "employed",
                "deregistered",
                name="seekerstatus",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("status_since", sa.Date(), nullable=True),
        sa.Column("registered_on", sa.Date(), nullable=True),
        sa.Column("centre_id", sa.Integer(), nullable=True),
        sa.Column("consultant_id", sa.Integer(), nullable=True),
        sa.Column("family_id", sa.Integer(), nullable=True),
        sa.Column(
            "family_role",
            sa.Enum(
                "head",
                "spouse",
                "child",
                "parent",
                "other",
                name="familyrole",
                native_enum=False,
                length=16,
            ),
            nullable=True,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centre.id"], name=op.f("fk_seeker_centre_id_centre")
        ),
        sa.ForeignKeyConstraint(
            ["consultant_id"],
            ["user_account.id"],
            name=op.f("fk_seeker_consultant_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["family_id"], ["family.id"], name=op.f("fk_seeker_family_id_family")
        ),
        sa.ForeignKeyConstraint(
            ["locality_id"], ["locality.id"], name=op.f("fk_seeker_locality_id_locality")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_seeker_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seeker")),
        sa.UniqueConstraint("iin", name=op.f("uq_seeker_iin")),
        sa.UniqueConstraint("user_id", name=op.f("uq_seeker_user_id")),
    )
    with op.batch_alter_table("seeker", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_seeker_centre_id"), ["centre_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_seeker_family_id"), ["family_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_seeker_locality_id"), ["locality_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_seeker_status"), ["status"], unique=False)

    op.create_table(
        "vacancy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(length=2), nullable=True),
        sa.Column("occupation_code", sa.String(length=4), nullable=True),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("locality_id", sa.Integer(), nullable=True),
        sa.Column("address", sa.String(length=255), nullable=True),
        sa.Column("lat", sa.Double(), nullable=True),
        sa.Column("lon", sa.Double(), nullable=True),
        sa.Column("salary_from", sa.Integer(), nullable=True),
        sa.Column("salary_to", sa.Integer(), nullable=True),
        sa.Column(
            "schedule",
            sa.Enum(
                "full_day",
                "shift",
                "flexible",
                "remote",
                "rotation",
                name="schedule",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "employment_type",
            sa.Enum(
                "full",
                "part",
                "temporary",
                "project",
                "internship",
                "seasonal",
                name="employmenttype",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "experience",
            sa.Enum(
                "none", "1_3", "3_6", "6_plus", name="experience", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column(
            "education_level",
            sa.Enum(
                "none",
                "secondary",
                "tipo",
                "post_secondary",
                "higher",
                "postgraduate",
                name="educationlevel",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("places", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "regular",
                "social_job",
                "youth_practice",
                "public_works",
                "disability_quota",
                name="vacancykind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("hazardous", sa.Boolean(), nullable=False),
        sa.Column("max_duration_months", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "published",
                "closed",
                "archived",
                name="vacancystatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "source",
            sa.Enum(
                "employer", "centre", "import", name="vacancysource", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("external_id", sa.String(length=64), nullable=True),
        sa.Column("source_url", sa.String(length=500), nullable=True),
        sa.Column("duplicate_of_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("places >= 1", name=op.f("ck_vacancy_places_positive")),
        sa.CheckConstraint(
            "salary_from IS NULL OR salary_to IS NULL OR salary_from <= salary_to",
            name=op.f("ck_vacancy_salary_range"),
        ),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centre.id"], name=op.f("fk_vacancy_centre_id_centre")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_vacancy_created_by_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["duplicate_of_id"], ["vacancy.id"], name=op.f("fk_vacancy_duplicate_of_id_vacancy")
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["employer.id"], name=op.f("fk_vacancy_employer_id_employer")
        ),
        sa.ForeignKeyConstraint(
            ["locality_id"], ["locality.id"], name=op.f("fk_vacancy_locality_id_locality")
        ),
        sa.ForeignKeyConstraint(
            ["occupation_code"],
            ["occupation.code"],
            name=op.f("fk_vacancy_occupation_code_occupation"),
        ),
        sa.ForeignKeyConstraint(
            ["region_id"], ["region.id"], name=op.f("fk_vacancy_region_id_region")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vacancy")),
        sa.UniqueConstraint("source", "external_id", name="uq_vacancy_source_external_id"),
    )
    with op.batch_alter_table("vacancy", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vacancy_centre_id"), ["centre_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_vacancy_duplicate_of_id"), ["duplicate_of_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_vacancy_employer_id"), ["employer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_vacancy_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_vacancy_locality_id"), ["locality_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_vacancy_occupation_code"), ["occupation_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_vacancy_region_id"), ["region_id"], unique=False)
        batch_op.create_index(
            "ix_vacancy_status_expires_at", ["status", "expires_at"], unique=False
        )

    op.create_table(
        "application",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seeker_id", sa.Integer(), nullable=False),
        sa.Column("vacancy_id", sa.Integer(), nullable=False),
        sa.Column("cover_letter", sa.Text(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "submitted",
                "viewed",
                "invited",
                "rejected",
                "hired",
                "withdrawn",
                name="applicationstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["seeker_id"],
            ["seeker.id"],
            name=op.f("fk_application_seeker_id_seeker"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["vacancy_id"], ["vacancy.id"], name=op.f("fk_application_vacancy_id_vacancy")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application")),
        sa.UniqueConstraint("seeker_id", "vacancy_id", name=op.f("uq_application_seeker_id")),
    )
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_application_seeker_id"), ["seeker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_application_vacancy_id"), ["vacancy_id"], unique=False)

    op.create_table(
        "cv",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seeker_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=255), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(length=2), nullable=True),
        sa.Column(
            "visibility",
            sa.Enum(
                "public", "centres", "hidden", name="cvvisibility", native_enum=False, length=16
            ),
            nullable=False,
        ),
        sa.Column("consent_publish_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "visibility != 'public' OR consent_publish_at IS NOT NULL",
            name=op.f("ck_cv_public_needs_consent"),
        ),
        sa.ForeignKeyConstraint(
            ["seeker_id"], ["seeker.id"], name=op.f("fk_cv_seeker_id_seeker"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cv")),
        sa.UniqueConstraint("seeker_id", name=op.f("uq_cv_seeker_id")),
    )
    op.create_table(
        "education_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seeker_id", sa.Integer(), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "none",
                "secondary",
                "tipo",
                "post_secondary",
                "higher",
                "postgraduate",
                name="educationlevel",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("institution", sa.String(length=255), nullable=True),
        sa.Column("specialty_code", sa.String(length=16), nullable=True),
        sa.Column("specialty_name", sa.String(length=255), nullable=True),
        sa.Column("graduated_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["seeker_id"],
            ["seeker.id"],
            name=op.f("fk_education_entry_seeker_id_seeker"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_education_entry")),
    )
    with op.batch_alter_table("education_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_education_entry_seeker_id"), ["seeker_id"], unique=False
        )

    op.create_table(
        "referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seeker_id", sa.Integer(), nullable=False),
        sa.Column("vacancy_id", sa.Integer(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=True),
        sa.Column("issued_by_id", sa.Integer(), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("report_by", sa.Date(), nullable=False),
        sa.Column("employer_answer_by", sa.Date(), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "pending",
                "hired",
                "rejected_by_employer",
                "refused_by_seeker",
                "no_show",
                "expired",
                name="referraloutcome",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("outcome_on", sa.Date(), nullable=True),
        sa.Column("counted_as_suitable_offer", sa.Boolean(), nullable=False),
        sa.Column("suitability", sa.JSON(), nullable=False),
        sa.Column("refusal_reason", sa.String(length=500), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centre.id"], name=op.f("fk_referral_centre_id_centre")
        ),
        sa.ForeignKeyConstraint(
            ["issued_by_id"],
            ["user_account.id"],
            name=op.f("fk_referral_issued_by_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["seeker_id"],
            ["seeker.id"],
            name=op.f("fk_referral_seeker_id_seeker"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["vacancy_id"], ["vacancy.id"], name=op.f("fk_referral_vacancy_id_vacancy")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referral_centre_id"), ["centre_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referral_outcome"), ["outcome"], unique=False)
        batch_op.create_index(batch_op.f("ix_referral_seeker_id"), ["seeker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referral_vacancy_id"), ["vacancy_id"], unique=False)

    op.create_table(
        "status_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seeker_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "job_seeker",
                "unemployed",
                "employed",
                "deregistered",
                name="seekerstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("reason_code", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("by_user_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["by_user_id"],
            ["user_account.id"],
            name=op.f("fk_status_change_by_user_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["seeker_id"],
            ["seeker.id"],
            name=op.f("fk_status_change_seeker_id_seeker"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_change")),
    )
    with op.batch_alter_table("status_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_status_change_seeker_id"), ["seeker_id"], unique=False)

    op.create_table(
        "work_experience",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seeker_id", sa.Integer(), nullable=False),
        sa.Column("employer_name", sa.String(length=255), nullable=False),
        sa.Column("position", sa.String(length=255), nullable=False),
        sa.Column("occupation_code", sa.String(length=4), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("last_wage", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["occupation_code"],
            ["occupation.code"],
            name=op.f("fk_work_experience_occupation_code_occupation"),
        ),
        sa.ForeignKeyConstraint(
            ["seeker_id"],
            ["seeker.id"],
            name=op.f("fk_work_experience_seeker_id_seeker"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_experience")),
    )
    with op.batch_alter_table("work_experience", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_work_experience_seeker_id"), ["seeker_id"], unique=False
        )

    op.create_table(
        "placement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seeker_id", sa.Integer(), nullable=False),
        sa.Column("vacancy_id", sa.Integer(), nullable=True),
        sa.Column("referral_id", sa.Integer(), nullable=True),
        sa.Column("employer_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "regular",
                "social_job",
                "youth_practice",
                "public_works",
                "disability_quota",
                name="vacancykind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("is_permanent", sa.Boolean(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("ended_reason", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["employer.id"], name=op.f("fk_placement_employer_id_employer")
        ),
        sa.ForeignKeyConstraint(
            ["referral_id"], ["referral.id"], name=op.f("fk_placement_referral_id_referral")
        ),
        sa.ForeignKeyConstraint(
            ["seeker_id"],
            ["seeker.id"],
            name=op.f("fk_placement_seeker_id_seeker"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["vacancy_id"], ["vacancy.id"], name=op.f("fk_placement_vacancy_id_vacancy")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placement")),
    )
    with op.batch_alter_table("placement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_placement_employer_id"), ["employer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_placement_seeker_id"), ["seeker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_placement_vacancy_id"), ["vacancy_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("placement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_placement_vacancy_id"))
        batch_op.drop_index(batch_op.f("ix_placement_seeker_id"))
        batch_op.drop_index(batch_op.f("ix_placement_employer_id"))

    op.drop_table("placement")
    with op.batch_alter_table("work_experience", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_work_experience_seeker_id"))

    op.drop_table("work_experience")
    with op.batch_alter_table("status_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_status_change_seeker_id"))

    op.drop_table("status_change")
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_vacancy_id"))
        batch_op.drop_index(batch_op.f("ix_referral_seeker_id"))
        batch_op.drop_index(batch_op.f("ix_referral_outcome"))
        batch_op.drop_index(batch_op.f("ix_referral_centre_id"))

    op.drop_table("referral")
    with op.batch_alter_table("education_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_education_entry_seeker_id"))

    op.drop_table("education_entry")
    op.drop_table("cv")
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_vacancy_id"))
        batch_op.drop_index(batch_op.f("ix_application_seeker_id"))

    op.drop_table("application")
    with op.batch_alter_table("vacancy", schema=None) as batch_op:
        batch_op.drop_index("ix_vacancy_status_expires_at")
        batch_op.drop_index(batch_op.f("ix_vacancy_region_id"))
        batch_op.drop_index(batch_op.f("ix_vacancy_occupation_code"))
        batch_op.drop_index(batch_op.f("ix_vacancy_locality_id"))
        batch_op.drop_index(batch_op.f("ix_vacancy_kind"))
        batch_op.drop_index(batch_op.f("ix_vacancy_employer_id"))
        batch_op.drop_index(batch_op.f("ix_vacancy_duplicate_of_id"))
        batch_op.drop_index(batch_op.f("ix_vacancy_centre_id"))

    op.drop_table("vacancy")
    with op.batch_alter_table("seeker", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_seeker_status"))
        batch_op.drop_index(batch_op.f("ix_seeker_locality_id"))
        batch_op.drop_index(batch_op.f("ix_seeker_family_id"))
        batch_op.drop_index(batch_op.f("ix_seeker_centre_id"))

    op.drop_table("seeker")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_user_id"))
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_account_employer_id"))
        batch_op.drop_index(batch_op.f("ix_user_account_centre_id"))

    op.drop_table("user_account")
    with op.batch_alter_table("family", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_family_centre_id"))

    op.drop_table("family")
    with op.batch_alter_table("employer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_employer_region_id"))
        batch_op.drop_index(batch_op.f("ix_employer_name"))

    op.drop_table("employer")
    with op.batch_alter_table("centre", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_centre_region_id"))

    op.drop_table("centre")
    with op.batch_alter_table("locality", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_locality_region_id"))

    op.drop_table("locality")
    op.drop_table("region")
    with op.batch_alter_table("outbox_event", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_event_pending")

    op.drop_table("outbox_event")
    with op.batch_alter_table("occupation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_occupation_parent_code"))

    op.drop_table("occupation")
    op.drop_table("calendar_day")
