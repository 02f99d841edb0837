"""Core reference schema: countries, organisations, people, posts and dated memberships.

Revision ID: 0001
Revises: None
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('country',
    sa.Column('iso3', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('numeric', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('name_th', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('region', sa.String(length=20), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('iso2', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('country', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_country_iso2'), ['iso2'], unique=True)

    op.create_table('organization',
    sa.Column('abbreviation', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('name_th', sqlmodel.sql.sqltypes.AutoString(length=250), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(length=250), nullable=False),
    sa.Column('classification', sa.String(length=40), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('country_id', sa.Integer(), nullable=True),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True),
    sa.ForeignKeyConstraint(['country_id'], ['country.id'], ),
    sa.ForeignKeyConstraint(['parent_id'], ['organization.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organization_code'), ['code'], unique=True)

    op.create_table('person',
    sa.Column('honorific_th', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('given_name_th', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('family_name_th', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('honorific_en', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('given_name_en', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('family_name_en', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('gender', sa.String(length=20), nullable=False),
    sa.Column('nationality_id', sa.Integer(), nullable=True),
    sa.Column('biography', sa.Text(), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['nationality_id'], ['country.id'], ),
    sa.PrimaryKeyConstraint('id')
    )

    op.create_table('post',
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('label_th', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('label_en', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('precedence', sa.Integer(), nullable=False),
    sa.Column('single_holder', sa.Boolean(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_post_code'), ['code'], unique=True)

    op.create_table('membership',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('role_th', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('role_en', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['post_id'], ['post.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_membership_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_membership_post_id'), ['post_id'], unique=False)


def downgrade() -> None:
    op.drop_table('membership')
    op.drop_table('post')
    op.drop_table('person')
    op.drop_table('organization')
    op.drop_table('country')
