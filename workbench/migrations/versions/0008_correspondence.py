"""Correspondence: registers with per-register, per-year counters, attachments by SHA-256, routing steps,
destruction lists with their items and committee approvals.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 01:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('correspondence_counter',
    sa.Column('register', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('register', 'year')
    )
    op.create_table('correspondence',
    sa.Column('register', sa.String(length=20), nullable=False),
    sa.Column('doc_number', sa.String(length=100), nullable=False),
    sa.Column('doc_date', sa.Date(), nullable=True),
    sa.Column('sender', sa.String(length=300), nullable=False),
    sa.Column('recipient', sa.String(length=300), nullable=False),
    sa.Column('subject', sa.String(length=500), nullable=False),
    sa.Column('doc_type', sa.String(length=20), nullable=False),
    sa.Column('urgency', sa.String(length=20), nullable=False),
    sa.Column('classification', sa.Integer(), nullable=False),
    sa.Column('action_requested', sa.String(length=30), nullable=False),
    sa.Column('work_group', sa.String(length=200), nullable=False),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('remarks', sa.String(length=1000), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.Column('engagement_id', sa.Integer(), nullable=True),
    sa.Column('commitment_id', sa.Integer(), nullable=True),
    sa.Column('reply_to_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('registered_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=True),
    sa.Column('disposal', sa.String(length=20), nullable=False),
    sa.Column('disposed_at', sa.DateTime(), nullable=True),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('registered_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['assignee_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['commitment_id'], ['budget_commitment.id'], ),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagement.id'], ),
    sa.ForeignKeyConstraint(['registered_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['reply_to_id'], ['correspondence.id'], ),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('register', 'year', 'number', name='uq_correspondence_number')
    )
    with op.batch_alter_table('correspondence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_correspondence_engagement_id'), ['engagement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_correspondence_visit_id'), ['visit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_correspondence_year'), ['year'], unique=False)

    op.create_table('correspondence_attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('correspondence_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=120), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['correspondence_id'], ['correspondence.id'], ),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('correspondence_attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_correspondence_attachment_correspondence_id'), ['correspondence_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_correspondence_attachment_sha256'), ['sha256'], unique=False)

    op.create_table('correspondence_routing_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('correspondence_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('by_id', sa.Integer(), nullable=True),
    sa.Column('by_name', sa.String(length=60), nullable=False),
    sa.Column('to_user_id', sa.Integer(), nullable=True),
    sa.Column('to_group', sa.String(length=200), nullable=False),
    sa.Column('note', sa.String(length=1000), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['correspondence_id'], ['correspondence.id'], ),
    sa.ForeignKeyConstraint(['to_user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('correspondence_routing_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_correspondence_routing_step_correspondence_id'), ['correspondence_id'], unique=False)

    op.create_table('correspondence_destruction_list',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('drawn_up_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('approved_at', sa.DateTime(), nullable=True),
    sa.Column('carried_out_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['drawn_up_by_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('correspondence_destruction_list', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_correspondence_destruction_list_year'), ['year'], unique=False)

    op.create_table('correspondence_destruction_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('list_id', sa.Integer(), nullable=False),
    sa.Column('correspondence_id', sa.Integer(), nullable=False),
    sa.Column('retention_years', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['correspondence_id'], ['correspondence.id'], ),
    sa.ForeignKeyConstraint(['list_id'], ['correspondence_destruction_list.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('list_id', 'correspondence_id')
    )
    with op.batch_alter_table('correspondence_destruction_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_correspondence_destruction_item_correspondence_id'), ['correspondence_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_correspondence_destruction_item_list_id'), ['list_id'], unique=False)

    op.create_table('correspondence_destruction_approval',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('list_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('committee_role', sa.String(length=20), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['list_id'], ['correspondence_destruction_list.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('list_id', 'user_id')
    )
    with op.batch_alter_table('correspondence_destruction_approval', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_correspondence_destruction_approval_list_id'), ['list_id'], unique=False)


def downgrade() -> None:
    for table in ('correspondence_destruction_approval', 'correspondence_destruction_item',
                  'correspondence_destruction_list', 'correspondence_routing_step', 'correspondence_attachment',
                  'correspondence', 'correspondence_counter'):
        op.drop_table(table)
