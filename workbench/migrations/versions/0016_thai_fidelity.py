"""Thai fidelity: countries' long (formal) names for letters; Thai wording of a chamber's electoral system and of a
country fact (a capital), for Thai briefing packs

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def _text(name: str, length: int) -> sa.Column:
    return sa.Column(name, sqlmodel.sql.sqltypes.AutoString(length=length), nullable=False, server_default='')


def upgrade() -> None:
    with op.batch_alter_table('country', schema=None) as batch_op:
        batch_op.add_column(_text('name_th_long', 200))
        batch_op.add_column(_text('name_en_long', 200))
    with op.batch_alter_table('chamber_snapshot', schema=None) as batch_op:
        batch_op.add_column(_text('electoral_system_th', 300))
    with op.batch_alter_table('country_fact', schema=None) as batch_op:
        batch_op.add_column(_text('value_th', 500))


def downgrade() -> None:
    # a plain ALTER TABLE … DROP COLUMN (SQLite 3.35+, PostgreSQL): batch mode would rebuild ``country``, which
    # many tables reference, and SQLite refuses to drop a referenced table that holds data
    for table, column in (('country_fact', 'value_th'), ('chamber_snapshot', 'electoral_system_th'),
                          ('country', 'name_en_long'), ('country', 'name_th_long')):
        op.execute(f'ALTER TABLE {table} DROP COLUMN {column}')
