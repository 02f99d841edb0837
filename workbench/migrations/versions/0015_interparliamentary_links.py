"""Inter-parliamentary links: a meeting document points at its correspondence register entry; a meeting may hold
one summary per classification (an officer who may not see a secret summary writes one at their own level)

Revision ID: 0015
Revises: 0012
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

# SQLite keeps the 0010 unique constraint unnamed: batch mode names it by this convention to drop it
CONVENTION = {"uq": "uq_%(table_name)s_%(column_0_name)s"}
OLD_UNIQUE = {"postgresql": "ip_summary_meeting_id_key"}


def _old_unique_name() -> str:
    return OLD_UNIQUE.get(op.get_bind().dialect.name, "uq_ip_summary_meeting_id")


def upgrade() -> None:
    with op.batch_alter_table('ip_summary', schema=None, naming_convention=CONVENTION) as batch_op:
        batch_op.drop_constraint(_old_unique_name(), type_='unique')
        batch_op.create_unique_constraint('uq_ip_summary_meeting_level', ['meeting_id', 'classification'])
        batch_op.create_index(batch_op.f('ix_ip_summary_meeting_id'), ['meeting_id'], unique=False)

    with op.batch_alter_table('ip_document', schema=None) as batch_op:
        batch_op.create_foreign_key('fk_ip_document_correspondence_id', 'correspondence', ['correspondence_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('ip_document', schema=None) as batch_op:
        batch_op.drop_constraint('fk_ip_document_correspondence_id', type_='foreignkey')

    with op.batch_alter_table('ip_summary', schema=None, naming_convention=CONVENTION) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ip_summary_meeting_id'))
        batch_op.drop_constraint('uq_ip_summary_meeting_level', type_='unique')
        batch_op.create_unique_constraint(_old_unique_name(), ['meeting_id'])
