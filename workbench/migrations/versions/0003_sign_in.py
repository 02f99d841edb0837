"""Sign-in: single-use hand-over tokens between dashboards, and the time of the last failed sign-in (throttling).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
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

    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_failed_login_at', sa.DateTime(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.drop_column('last_failed_login_at')

    with op.batch_alter_table('sign_in_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sign_in_token_user_id'))
        batch_op.drop_index(batch_op.f('ix_sign_in_token_token_hash'))

    op.drop_table('sign_in_token')
