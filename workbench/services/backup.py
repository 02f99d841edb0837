"""Backup and restore of a whole office: every row of every table (and the attachments' files) in one file.

``backup`` reads one consistent snapshot (a read transaction on SQLite's WAL, REPEATABLE READ on PostgreSQL)
while staff keep working, and writes a gzip-compressed file of JSON lines: a header (format, schema revision,
row count per table), the rows table by table, the attachment files, and an end line with the counts again (a
cut-off file is refused). ``restore`` loads such a file into an empty database, SQLite or PostgreSQL alike: the
schema is brought to the backup's revision, every row goes in within one transaction, the counts and the audit
chain are verified before it commits (anything wrong: nothing is kept), then the schema is upgraded to the newest
revision. The restore itself is recorded in the audit trail.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import json
import zlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from workbench import migrate
from workbench.db import append_audit
from workbench.errors import ConflictError, ValidationError
from workbench.models.base import Clearance, jsonable, utcnow
from workbench.services.access import Actor, require
from workbench.services.audit_chain import ChainReport, verify_chain

FORMAT = "senate-workbench-backup"
VERSION = 1
SKIPPED = frozenset({"alembic_version"})


@dataclass
class BackupReport:
    path: Path
    revision: str
    counts: dict[str, int] = field(default_factory=dict)
    files: int = 0
    missing_files: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


@dataclass
class RestoreReport:
    revision: str
    counts: dict[str, int]
    files: int
    chain: ChainReport

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def _only_the_office(actor: Actor) -> None:
    """A backup holds every record of every class: administrators with top-secret clearance (or the system)."""
    require(actor, "audit.read")
    if int(getattr(actor, "clearance", 0)) < Clearance.TOP_SECRET:
        raise ValidationError("การสำรองและกู้คืนข้อมูลทั้งสำนักงานต้องมีชั้นความลับสูงสุด",
                              "backing up or restoring the whole office needs top-secret clearance", field="actor")


def _tables(connection: sa.Connection) -> list[sa.Table]:
    metadata = sa.MetaData()
    metadata.reflect(bind=connection)
    return [table for table in metadata.sorted_tables if table.name not in SKIPPED]


def _encode(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, float) and value != value:  # NaN has no JSON form
        return None
    return jsonable(value)


def _decoder(column: sa.Column) -> Any:
    kind = column.type
    if isinstance(kind, sa.DateTime):
        return dt.datetime.fromisoformat
    if isinstance(kind, sa.Date):
        return dt.date.fromisoformat
    if isinstance(kind, sa.Time):
        return dt.time.fromisoformat
    if isinstance(kind, sa.Float):
        return float
    if isinstance(kind, sa.Numeric):
        return Decimal
    if isinstance(kind, sa.LargeBinary):
        return base64.b64decode
    if isinstance(kind, sa.Boolean):
        return bool
    return None


def _snapshot(engine: Engine) -> sa.Connection:
    connection = engine.connect()
    if engine.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN")  # one read transaction: one snapshot of the WAL for every table
    else:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        connection.begin()
    return connection


def backup(engine: Engine, *, out: Path, actor: Actor, attachments_dir: Path | None = None) -> BackupReport:
    """Write the whole database (one consistent snapshot) and the attachment files to ``out``."""
    _only_the_office(actor)
    revision = migrate.current_revision(engine)
    if revision is None:
        raise ValidationError("ฐานข้อมูลยังไม่มีโครงสร้าง ไม่มีอะไรให้สำรอง", "the database has no schema: nothing "
                              "to back up", field="--database")
    report = BackupReport(path=out, revision=revision)
    partial = out.with_name(out.name + ".partial")
    connection = _snapshot(engine)
    try:
        tables = _tables(connection)
        for table in tables:
            report.counts[table.name] = connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
        shas = _attachment_shas(connection, tables)
        with gzip.open(partial, "wt", encoding="utf-8") as stream:
            stream.write(json.dumps({"format": FORMAT, "version": VERSION, "revision": revision,
                                     "dialect": engine.dialect.name, "created_at": utcnow().isoformat(),
                                     "counts": report.counts}, ensure_ascii=False) + "\n")
            for table in tables:
                columns = [column.name for column in table.columns]
                stream.write(json.dumps({"table": table.name, "columns": columns}) + "\n")
                order = list(table.primary_key.columns) or list(table.columns)
                result = connection.execution_options(yield_per=2000).execute(sa.select(table).order_by(*order))
                for row in result:
                    stream.write(json.dumps([_encode(value) for value in row], ensure_ascii=False) + "\n")
            for sha in shas:
                path = _blob_path(sha, attachments_dir)
                if not path.is_file():
                    report.missing_files.append(sha)
                    continue
                stream.write(json.dumps({"file": sha, "data": base64.b64encode(path.read_bytes()).decode()}) + "\n")
                report.files += 1
            stream.write(json.dumps({"end": True, "counts": report.counts, "files": report.files}) + "\n")
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ValidationError(f"เขียนไฟล์สำรอง {out} ไม่ได้ ({exc.strerror})", f"cannot write the backup {out} "
                              f"({exc.strerror})", field="--out") from None
    finally:
        connection.rollback()
        connection.close()
    partial.replace(out)
    return report


def _attachment_shas(connection: sa.Connection, tables: list[sa.Table]) -> list[str]:
    table = next((t for t in tables if t.name == "correspondence_attachment"), None)
    if table is None:
        return []
    return list(connection.execute(sa.select(table.c.sha256).distinct().order_by(table.c.sha256)).scalars())


def _blob_path(sha: str, attachments_dir: Path | None) -> Path:
    from workbench.services.correspondence.attachments import blob_path

    if attachments_dir is None:
        return blob_path(sha)
    return attachments_dir / sha[:2] / sha[2:4] / sha


def _bad_file(path: Path, en: str, th: str) -> ValidationError:
    return ValidationError(f"ไฟล์สำรอง {path} ใช้ไม่ได้: {th}", f"backup file {path} cannot be used: {en}",
                           field="FILE")


def _read(path: Path) -> tuple[dict[str, Any], list[Any]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            lines = [json.loads(line) for line in stream]
    except FileNotFoundError:
        raise _bad_file(path, "no such file", "ไม่พบไฟล์") from None
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _bad_file(path, f"not a workbench backup or cut off ({type(exc).__name__})",
                        "ไม่ใช่ไฟล์สำรองของระบบหรือไฟล์ไม่ครบ") from None
    header = lines[0] if lines else None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise _bad_file(path, "not a workbench backup", "ไม่ใช่ไฟล์สำรองของระบบ")
    if header.get("version") != VERSION:
        raise _bad_file(path, f"format version {header.get('version')} is not {VERSION}", "รุ่นของรูปแบบไม่ตรง")
    if not (isinstance(lines[-1], dict) and lines[-1].get("end")):
        raise _bad_file(path, "the file is cut off (no end line)", "ไฟล์ไม่ครบ (ไม่มีบรรทัดปิดท้าย)")
    return header, lines[1:-1]


def _refuse_unless_empty(engine: Engine) -> None:
    with engine.connect() as connection:
        for table in _tables(connection):
            if table.name == "audit_chain":
                continue
            if connection.execute(sa.select(sa.literal(1)).select_from(table).limit(1)).first() is not None:
                raise ConflictError(
                    f"ฐานข้อมูลปลายทางมีข้อมูลอยู่แล้ว (ตาราง {table.name}): กู้คืนได้เฉพาะฐานข้อมูลว่าง",
                    f"the target database already holds data (table {table.name}): restore only into an empty "
                    "database", field="--database")


def restore(engine: Engine, *, path: Path, actor: Actor, attachments_dir: Path | None = None) -> RestoreReport:
    """Load a backup into an empty database; all or nothing, verified before it commits."""
    _only_the_office(actor)
    header, lines = _read(path)
    revision = header.get("revision")
    if revision not in migrate.revisions():
        raise _bad_file(path, f"its schema revision {revision} is newer than this workbench (newest "
                        f"{migrate.head_revision()}): upgrade the workbench first",
                        f"โครงสร้างรุ่น {revision} ใหม่กว่าโปรแกรมนี้ (รุ่นล่าสุด {migrate.head_revision()})")
    migrate.check_not_newer(engine)
    _refuse_unless_empty(engine)
    current, order = migrate.current_revision(engine), migrate.revisions()
    if current is not None and order.index(current) > order.index(revision):
        migrate.downgrade(engine, revision)  # an empty schema newer than the backup: down to the backup's first
    else:
        migrate.upgrade(engine, revision)
    expected: dict[str, int] = header.get("counts") or {}
    files: dict[str, bytes] = {}
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            connection.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        else:
            connection.begin()
        try:
            tables = {table.name: table for table in _tables(connection)}
            counts = _load_rows(connection, tables, lines, files, path)
            if counts != {name: expected.get(name, 0) for name in counts} or set(expected) - set(counts):
                raise _bad_file(path, f"row counts differ from its header ({counts} ≠ {expected})",
                                "จำนวนแถวไม่ตรงกับส่วนหัว")
            if engine.dialect.name == "postgresql":
                _reset_sequences(connection, tables.values())
            if "audit_chain" in tables:  # the backup's schema has the hash chain: verified before anything is kept
                with Session(bind=connection) as session:
                    chain = verify_chain(session, actor=actor)
                if not chain.ok:
                    raise _bad_file(path, chain.message("en"), chain.message("th"))
            _write_files(files, attachments_dir)
            connection.commit()
        except BaseException:
            connection.rollback()
            raise
    migrate.upgrade(engine)  # an older backup's entries join the chain here (revision 0014)
    with Session(bind=engine) as session:
        session.info["actor"] = actor
        append_audit(session, [{"at": utcnow(), "actor_id": None, "actor_name": getattr(actor, "username", "system"),
                                "entity": "database", "entity_id": revision, "action": "restore",
                                "changes": {"file": path.name, "rows": sum(counts.values())}}])
        session.commit()
        chain = verify_chain(session, actor=actor)
    return RestoreReport(revision=revision, counts=counts, files=len(files), chain=chain)


def _load_rows(connection: sa.Connection, tables: dict[str, sa.Table], lines: list[Any],
               files: dict[str, bytes], path: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    table: sa.Table | None = None
    names: list[str] = []
    decoders: list[Any] = []
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        if table is not None and batch:
            connection.execute(sa.insert(table), batch)
            batch.clear()

    for line in lines:
        if isinstance(line, dict) and "table" in line:
            flush()
            table = tables.get(line["table"])
            if table is None:
                raise _bad_file(path, f"table {line['table']} is not in its schema revision", "มีตารางที่ไม่รู้จัก")
            if table.name == "audit_chain":  # the migration wrote an empty head: the backup's head replaces it
                connection.execute(sa.delete(table))
            names = list(line["columns"])
            unknown = set(names) - set(table.columns.keys())
            if unknown:
                raise _bad_file(path, f"columns {sorted(unknown)} are not in table {table.name}", "มีคอลัมน์ที่ไม่รู้จัก")
            decoders = [_decoder(table.columns[name]) for name in names]
            counts[table.name] = 0
        elif isinstance(line, dict) and "file" in line:
            content = base64.b64decode(line["data"])
            if hashlib.sha256(content).hexdigest() != line["file"]:
                raise _bad_file(path, f"attachment {line['file']} does not match its hash", "ไฟล์แนบเสียหาย")
            files[line["file"]] = content
        elif isinstance(line, list) and table is not None:
            batch.append({name: (value if value is None or decode is None else decode(value))
                          for name, value, decode in zip(names, line, decoders, strict=True)})
            counts[table.name] += 1
            if len(batch) >= 1000:
                flush()
        else:
            raise _bad_file(path, "an unreadable line", "มีบรรทัดที่อ่านไม่ได้")
    flush()
    return counts


def _reset_sequences(connection: sa.Connection, tables: Any) -> None:
    for table in tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, sa.Integer):
            continue
        name = keys[0].name
        sequence = connection.execute(sa.text("SELECT pg_get_serial_sequence(:t, :c)"),
                                      {"t": table.name, "c": name}).scalar()
        if sequence:
            connection.execute(sa.text(f'SELECT setval(:s, COALESCE((SELECT MAX("{name}") FROM "{table.name}"), 0) + 1, '
                                       "false)"), {"s": sequence})


def _write_files(files: dict[str, bytes], attachments_dir: Path | None) -> None:
    for sha, content in files.items():
        target = _blob_path(sha, attachments_dir)
        if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == sha:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        partial.write_bytes(content)
        partial.replace(target)
