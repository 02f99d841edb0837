"""Office administration: staff registry and absences, stock items and movements, equipment, gift register, work plans

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('admin_stock_item',
    sa.Column('name_th', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('unit', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('low_stock_threshold', sa.Integer(), nullable=False),
    sa.Column('unit_value', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('on_hand', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('admin_stock_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_admin_stock_item_code'), ['code'], unique=True)

    op.create_table('admin_work_plan_item',
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('title_th', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('title_en', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('measure', sa.String(length=40), nullable=False),
    sa.Column('target', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('work_group', sa.String(length=30), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('fiscal_year', 'code')
    )
    with op.batch_alter_table('admin_work_plan_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_admin_work_plan_item_fiscal_year'), ['fiscal_year'], unique=False)

    op.create_table('admin_equipment',
    sa.Column('name_th', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('custodian_id', sa.Integer(), nullable=True),
    sa.Column('location', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('acquired_on', sa.Date(), nullable=True),
    sa.Column('value_baht', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('stock_item_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('asset_number', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['custodian_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['stock_item_id'], ['admin_stock_item.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('admin_equipment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_admin_equipment_asset_number'), ['asset_number'], unique=True)

    op.create_table('admin_staff',
    sa.Column('position_th', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('position_en', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('work_group', sa.String(length=30), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('office_phone', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('mobile_phone', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('office_email', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('languages', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id')
    )
    op.create_table('admin_absence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.Column('cancelled', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['staff_id'], ['admin_staff.id'], ),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('admin_absence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_admin_absence_end_date'), ['end_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_admin_absence_staff_id'), ['staff_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_admin_absence_start_date'), ['start_date'], unique=False)

    op.create_table('admin_gift',
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('gift_date', sa.Date(), nullable=False),
    sa.Column('description_th', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('counterpart', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('counterpart_person_id', sa.Integer(), nullable=True),
    sa.Column('country_id', sa.Integer(), nullable=True),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.Column('engagement_id', sa.Integer(), nullable=True),
    sa.Column('recipient_person_id', sa.Integer(), nullable=True),
    sa.Column('occasion', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('value_baht', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('kept_at', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('stock_item_id', sa.Integer(), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('threshold', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('report_due', sa.Date(), nullable=True),
    sa.Column('reported_on', sa.Date(), nullable=True),
    sa.Column('report_reference', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['counterpart_person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['country_id'], ['country.id'], ),
    sa.ForeignKeyConstraint(['created_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagement.id'], ),
    sa.ForeignKeyConstraint(['recipient_person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['stock_item_id'], ['admin_stock_item.id'], ),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('admin_gift', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_admin_gift_gift_date'), ['gift_date'], unique=False)

    op.create_table('admin_stock_movement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('stock_item_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('change', sa.Integer(), nullable=False),
    sa.Column('balance_after', sa.Integer(), nullable=False),
    sa.Column('moved_on', sa.Date(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('gift_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['gift_id'], ['admin_gift.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['stock_item_id'], ['admin_stock_item.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('admin_stock_movement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_admin_stock_movement_moved_on'), ['moved_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_admin_stock_movement_stock_item_id'), ['stock_item_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('admin_stock_movement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_admin_stock_movement_stock_item_id'))
        batch_op.drop_index(batch_op.f('ix_admin_stock_movement_moved_on'))

    op.drop_table('admin_stock_movement')
    with op.batch_alter_table('admin_gift', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_admin_gift_gift_date'))

    op.drop_table('admin_gift')
    with op.batch_alter_table('admin_absence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_admin_absence_start_date'))
        batch_op.drop_index(batch_op.f('ix_admin_absence_staff_id'))
        batch_op.drop_index(batch_op.f('ix_admin_absence_end_date'))

    op.drop_table('admin_absence')
    op.drop_table('admin_staff')
    with op.batch_alter_table('admin_equipment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_admin_equipment_asset_number'))

    op.drop_table('admin_equipment')
    with op.batch_alter_table('admin_work_plan_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_admin_work_plan_item_fiscal_year'))

    op.drop_table('admin_work_plan_item')
    with op.batch_alter_table('admin_stock_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_admin_stock_item_code'))

    op.drop_table('admin_stock_item')
