"""Visit documents: programme details of engagements, saved programme and trip report versions, report narratives.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 01:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('engagement_programme_details',
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('dress_code_th', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('dress_code_en', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('contact_person_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['contact_person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagement.id'], ),
    sa.PrimaryKeyConstraint('engagement_id')
    )
    op.create_table('visit_document_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('lang', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('content', sa.JSON(), nullable=False),
    sa.Column('classification', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('visit_id', 'kind', 'number')
    )
    with op.batch_alter_table('visit_document_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_document_version_visit_id'), ['visit_id'], unique=False)

    op.create_table('visit_report_narrative',
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('outcomes', sa.Text(), nullable=False),
    sa.Column('recommendations', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('visit_id', 'version')
    )
    with op.batch_alter_table('visit_report_narrative', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_report_narrative_visit_id'), ['visit_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('visit_report_narrative', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_report_narrative_visit_id'))
    op.drop_table('visit_report_narrative')
    with op.batch_alter_table('visit_document_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_document_version_visit_id'))
    op.drop_table('visit_document_version')
    op.drop_table('engagement_programme_details')
