"""Briefing: dated country facts, parliaments, chambers and chamber snapshots (Parline shape), monitoring notes, talking points, agreements, saved briefing packs.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 20:39:51.134824
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('parliament',
    sa.Column('name_th', sqlmodel.sql.sqltypes.AutoString(length=250), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(length=250), nullable=False),
    sa.Column('structure', sa.String(length=20), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('country_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['country_id'], ['country.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('parliament', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_parliament_country_id'), ['country_id'], unique=True)

    op.create_table('chamber',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('parliament_id', sa.Integer(), nullable=False),
    sa.Column('chamber_type', sa.String(length=20), nullable=False),
    sa.Column('name_th', sqlmodel.sql.sqltypes.AutoString(length=250), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(length=250), nullable=False),
    sa.ForeignKeyConstraint(['parliament_id'], ['parliament.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('parliament_id', 'chamber_type')
    )
    with op.batch_alter_table('chamber', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chamber_parliament_id'), ['parliament_id'], unique=False)

    op.create_table('agreement',
    sa.Column('country_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('title_th', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('title_en', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=False),
    sa.Column('place', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('parties', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('source_url', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('classification', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entered_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['country_id'], ['country.id'], ),
    sa.ForeignKeyConstraint(['entered_by_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_country_id'), ['country_id'], unique=False)

    op.create_table('chamber_snapshot',
    sa.Column('chamber_id', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('statutory_seats', sa.Integer(), nullable=True),
    sa.Column('current_members', sa.Integer(), nullable=True),
    sa.Column('women_members', sa.Integer(), nullable=True),
    sa.Column('women_pct', sa.Numeric(precision=5, scale=2), nullable=True),
    sa.Column('electoral_system', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('designation', sa.String(length=30), nullable=True),
    sa.Column('term_years', sa.Integer(), nullable=True),
    sa.Column('speaker', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('last_election', sa.Date(), nullable=True),
    sa.Column('next_election', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('entered_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['chamber_id'], ['chamber.id'], ),
    sa.ForeignKeyConstraint(['entered_by_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('chamber_snapshot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chamber_snapshot_chamber_id'), ['chamber_id'], unique=False)

    op.create_table('country_fact',
    sa.Column('country_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('entered_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['country_id'], ['country.id'], ),
    sa.ForeignKeyConstraint(['entered_by_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('country_fact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_country_fact_country_id'), ['country_id'], unique=False)

    op.create_table('monitoring_note',
    sa.Column('country_id', sa.Integer(), nullable=False),
    sa.Column('noted_on', sa.Date(), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('source_url', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('tags', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('classification', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['country_id'], ['country.id'], ),
    sa.ForeignKeyConstraint(['supersedes_id'], ['monitoring_note.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('monitoring_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_monitoring_note_country_id'), ['country_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_monitoring_note_noted_on'), ['noted_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_monitoring_note_supersedes_id'), ['supersedes_id'], unique=False)

    op.create_table('talking_point',
    sa.Column('country_id', sa.Integer(), nullable=False),
    sa.Column('topic', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('text_th', sa.Text(), nullable=False),
    sa.Column('text_en', sa.Text(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('classification', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('approved', sa.Boolean(), nullable=False),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_at', sa.DateTime(), nullable=True),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['approved_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['author_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['country_id'], ['country.id'], ),
    sa.ForeignKeyConstraint(['supersedes_id'], ['talking_point.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('talking_point', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_talking_point_country_id'), ['country_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_talking_point_supersedes_id'), ['supersedes_id'], unique=False)

    op.create_table('briefing_pack',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('remarks', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagement.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('engagement_id', 'version')
    )
    with op.batch_alter_table('briefing_pack', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_briefing_pack_engagement_id'), ['engagement_id'], unique=False)

    op.create_table('briefing_pack_point',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pack_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('talking_point_id', sa.Integer(), nullable=True),
    sa.Column('topic', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('classification', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['pack_id'], ['briefing_pack.id'], ),
    sa.ForeignKeyConstraint(['talking_point_id'], ['talking_point.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('briefing_pack_point', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_briefing_pack_point_pack_id'), ['pack_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('briefing_pack_point', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_briefing_pack_point_pack_id'))

    op.drop_table('briefing_pack_point')
    with op.batch_alter_table('briefing_pack', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_briefing_pack_engagement_id'))

    op.drop_table('briefing_pack')
    with op.batch_alter_table('talking_point', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_talking_point_supersedes_id'))
        batch_op.drop_index(batch_op.f('ix_talking_point_country_id'))

    op.drop_table('talking_point')
    with op.batch_alter_table('monitoring_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_monitoring_note_supersedes_id'))
        batch_op.drop_index(batch_op.f('ix_monitoring_note_noted_on'))
        batch_op.drop_index(batch_op.f('ix_monitoring_note_country_id'))

    op.drop_table('monitoring_note')
    with op.batch_alter_table('country_fact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_country_fact_country_id'))

    op.drop_table('country_fact')
    with op.batch_alter_table('chamber_snapshot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chamber_snapshot_chamber_id'))

    op.drop_table('chamber_snapshot')
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_country_id'))

    op.drop_table('agreement')
    with op.batch_alter_table('chamber', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chamber_parliament_id'))

    op.drop_table('chamber')
    with op.batch_alter_table('parliament', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_parliament_country_id'))

    op.drop_table('parliament')
