"""Tamper-evident audit trail: a hash chain over the audit entries, its head row, and on PostgreSQL a trigger that
refuses UPDATE, DELETE and TRUNCATE of audit entries

Revision ID: 0014
Revises: 0012
Create Date: 2026-11-30
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
import sqlmodel
from alembic import op

from workbench.models.audit import GENESIS_HASH, entry_hash

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

PG_GUARD = """
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only: % on audit_entry refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
"""


def _changes(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else (value or {})


def upgrade() -> None:
    op.create_table('audit_chain',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('last_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seq', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('prev_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
        batch_op.add_column(sa.Column('hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_audit_entry_seq'), ['seq'], unique=True)

    # the entries written before this revision join the chain in the order they were written
    connection = op.get_bind()
    entry = sa.table('audit_entry', sa.column('id', sa.Integer), sa.column('at', sa.DateTime),
                     sa.column('actor_id', sa.Integer), sa.column('actor_name', sa.String),
                     sa.column('entity', sa.String), sa.column('entity_id', sa.String), sa.column('action', sa.String),
                     sa.column('changes', sa.JSON), sa.column('seq', sa.Integer), sa.column('prev_hash', sa.String),
                     sa.column('hash', sa.String))
    seq, last = 0, GENESIS_HASH
    rows = connection.execute(sa.select(entry.c.id, entry.c.at, entry.c.actor_id, entry.c.actor_name,
                                        entry.c.entity, entry.c.entity_id, entry.c.action, entry.c.changes)
                              .order_by(entry.c.id)).all()
    updates = []
    for row in rows:
        seq += 1
        values = {**row._asdict(), "changes": _changes(row.changes), "seq": seq}
        digest = entry_hash(last, values)
        updates.append({"b_id": row.id, "seq": seq, "prev_hash": last, "hash": digest})
        last = digest
    if updates:
        connection.execute(sa.update(entry).where(entry.c.id == sa.bindparam("b_id"))
                           .values(seq=sa.bindparam("seq"), prev_hash=sa.bindparam("prev_hash"),
                                   hash=sa.bindparam("hash")), updates)
    connection.execute(sa.insert(sa.table('audit_chain', sa.column('id'), sa.column('last_seq'),
                                          sa.column('last_hash'))).values(id=1, last_seq=seq, last_hash=last))
    if connection.dialect.name == "postgresql":
        op.execute(PG_GUARD)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry")
        op.execute("DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry")
        op.execute("DROP FUNCTION IF EXISTS audit_entry_append_only()")
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_seq'))
        batch_op.drop_column('hash')
        batch_op.drop_column('prev_hash')
        batch_op.drop_column('seq')
    op.drop_table('audit_chain')
