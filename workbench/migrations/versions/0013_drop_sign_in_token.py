"""Drop the unused sign-in hand-over tokens: web sessions (0007) carry a signed-in user between dashboards.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sign_in_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sign_in_token_user_id'))
        batch_op.drop_index(batch_op.f('ix_sign_in_token_token_hash'))

    op.drop_table('sign_in_token')


def downgrade() -> None:
    op.create_table('sign_in_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sign_in_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sign_in_token_token_hash'), ['token_hash'], unique=True)
        batch_op.create_index(batch_op.f('ix_sign_in_token_user_id'), ['user_id'], unique=False)
