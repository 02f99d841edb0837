"""Budget: budget lines, allotments, commitments, disbursements, transfers; disbursement targets and the rate tables of the trip and reception cost estimator.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('budget_accommodation_rate',
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('grade_code', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('country_group', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('actual_ceiling', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('flat_rate', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('grade_code', 'country_group', 'valid_from')
    )
    op.create_table('budget_allowance_rate',
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('grade_code', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('daily_amount', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('grade_code', 'valid_from')
    )
    op.create_table('budget_cost_default',
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('label_th', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('label_en', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code', 'valid_from')
    )
    op.create_table('budget_country_group',
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('iso2', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('country_group', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('visa_fee', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('budget_country_group', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_country_group_iso2'), ['iso2'], unique=True)

    op.create_table('budget_disbursement_target',
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('quarter', sa.Integer(), nullable=False),
    sa.Column('cumulative_percent', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('fiscal_year', 'quarter')
    )
    op.create_table('budget_travel_grade',
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('label_th', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('label_en', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('member_roles', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('cabin', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('budget_travel_grade', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_travel_grade_code'), ['code'], unique=True)

    op.create_table('budget_line',
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('name_th', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('plan', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('project', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('activity', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('expense_type', sa.String(length=20), nullable=False),
    sa.Column('work_group_id', sa.Integer(), nullable=True),
    sa.Column('classification', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('allocated', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['work_group_id'], ['organization.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('fiscal_year', 'code')
    )
    with op.batch_alter_table('budget_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_line_fiscal_year'), ['fiscal_year'], unique=False)

    op.create_table('budget_allotment',
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('entry_date', sa.Date(), nullable=False),
    sa.Column('document_no', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('period_no', sa.Integer(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=True),
    sa.Column('amount', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('reverses_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['line_id'], ['budget_line.id'], ),
    sa.ForeignKeyConstraint(['reverses_id'], ['budget_allotment.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('budget_allotment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_allotment_entry_date'), ['entry_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_budget_allotment_line_id'), ['line_id'], unique=False)

    op.create_table('budget_transfer',
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('entry_date', sa.Date(), nullable=False),
    sa.Column('document_no', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('from_line_id', sa.Integer(), nullable=False),
    sa.Column('to_line_id', sa.Integer(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('approver_id', sa.Integer(), nullable=False),
    sa.Column('reverses_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['approver_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['created_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['from_line_id'], ['budget_line.id'], ),
    sa.ForeignKeyConstraint(['reverses_id'], ['budget_transfer.id'], ),
    sa.ForeignKeyConstraint(['to_line_id'], ['budget_line.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('budget_transfer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_transfer_entry_date'), ['entry_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_budget_transfer_from_line_id'), ['from_line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_budget_transfer_to_line_id'), ['to_line_id'], unique=False)

    op.create_table('budget_commitment',
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('entry_date', sa.Date(), nullable=False),
    sa.Column('document_no', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('amount', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('counterparty', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.Column('engagement_id', sa.Integer(), nullable=True),
    sa.Column('estimate', sa.JSON(), nullable=True),
    sa.Column('classification', sa.Integer(), nullable=False),
    sa.Column('reverses_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagement.id'], ),
    sa.ForeignKeyConstraint(['line_id'], ['budget_line.id'], ),
    sa.ForeignKeyConstraint(['reverses_id'], ['budget_commitment.id'], ),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('budget_commitment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_commitment_engagement_id'), ['engagement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_budget_commitment_entry_date'), ['entry_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_budget_commitment_line_id'), ['line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_budget_commitment_visit_id'), ['visit_id'], unique=False)

    op.create_table('budget_disbursement',
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('entry_date', sa.Date(), nullable=False),
    sa.Column('document_no', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('commitment_id', sa.Integer(), nullable=True),
    sa.Column('amount', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('payee', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('reverses_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['commitment_id'], ['budget_commitment.id'], ),
    sa.ForeignKeyConstraint(['created_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['line_id'], ['budget_line.id'], ),
    sa.ForeignKeyConstraint(['reverses_id'], ['budget_disbursement.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('budget_disbursement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_disbursement_commitment_id'), ['commitment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_budget_disbursement_entry_date'), ['entry_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_budget_disbursement_line_id'), ['line_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('budget_disbursement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_disbursement_line_id'))
        batch_op.drop_index(batch_op.f('ix_budget_disbursement_entry_date'))
        batch_op.drop_index(batch_op.f('ix_budget_disbursement_commitment_id'))

    op.drop_table('budget_disbursement')
    with op.batch_alter_table('budget_commitment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_commitment_visit_id'))
        batch_op.drop_index(batch_op.f('ix_budget_commitment_line_id'))
        batch_op.drop_index(batch_op.f('ix_budget_commitment_entry_date'))
        batch_op.drop_index(batch_op.f('ix_budget_commitment_engagement_id'))

    op.drop_table('budget_commitment')
    with op.batch_alter_table('budget_transfer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_transfer_to_line_id'))
        batch_op.drop_index(batch_op.f('ix_budget_transfer_from_line_id'))
        batch_op.drop_index(batch_op.f('ix_budget_transfer_entry_date'))

    op.drop_table('budget_transfer')
    with op.batch_alter_table('budget_allotment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_allotment_line_id'))
        batch_op.drop_index(batch_op.f('ix_budget_allotment_entry_date'))

    op.drop_table('budget_allotment')
    with op.batch_alter_table('budget_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_line_fiscal_year'))

    op.drop_table('budget_line')
    with op.batch_alter_table('budget_travel_grade', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_travel_grade_code'))

    op.drop_table('budget_travel_grade')
    op.drop_table('budget_disbursement_target')
    with op.batch_alter_table('budget_country_group', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_country_group_iso2'))

    op.drop_table('budget_country_group')
    op.drop_table('budget_cost_default')
    op.drop_table('budget_allowance_rate')
    op.drop_table('budget_accommodation_rate')
