"""Backups carry the correspondence attachments (files kept outside the database, by SHA-256) and work from a
database at an older schema revision: the restore loads it at that revision, then upgrades it to the newest."""

from __future__ import annotations

import hashlib
import uuid

import pytest
import sqlalchemy as sa

from tests.correspondence_factories import letter
from tests.test_migrations_data import _populate
from workbench import migrate
from workbench.cli import main
from workbench.config import get_settings
from workbench.db import SYSTEM, make_engine, new_session
from workbench.services import correspondence as corr
from workbench.services.audit_chain import verify_chain
from workbench.services.backup import backup, restore
from workbench.services.correspondence import attachments

INVITATION = b"%PDF-1.4 invitation to the ASEAN Inter-Parliamentary Assembly"
PROGRAMME = b"PK\x03\x04 programme of the visit"


def use_store(monkeypatch, path) -> None:
    monkeypatch.setenv("WORKBENCH_ATTACHMENTS_DIR", str(path))
    get_settings.cache_clear()


def stored_files(root) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def office_with_attachments(engine, tmp_path, monkeypatch):
    """Two letters, three attachments, two distinct files (one file attached to both letters)."""
    use_store(monkeypatch, tmp_path / "office-store")
    with new_session(engine) as session:
        first = corr.register_document(session, actor=SYSTEM, data=letter(subject="เชิญประชุม AIPA"))
        second = corr.register_document(session, actor=SYSTEM, data=letter(subject="กำหนดการ"))
        attachments.attach(session, document_id=first.id, actor=SYSTEM, filename="เชิญ.pdf", content=INVITATION)
        attachments.attach(session, document_id=second.id, actor=SYSTEM, filename="เชิญ.pdf", content=INVITATION)
        attachments.attach(session, document_id=second.id, actor=SYSTEM, filename="กำหนดการ.docx", content=PROGRAMME)
    return engine


def test_a_round_trip_brings_every_attachment_file_back(office_with_attachments, empty_engine, tmp_path,
                                                        monkeypatch):
    made = backup(office_with_attachments, out=tmp_path / "office.wbk", actor=SYSTEM)
    use_store(monkeypatch, tmp_path / "new-machine-store")  # a new machine: an empty attachment folder

    restored = restore(empty_engine, path=tmp_path / "office.wbk", actor=SYSTEM)

    assert (made.files, made.missing_files, restored.files) == (2, [], 2)
    assert stored_files(tmp_path / "new-machine-store") == stored_files(tmp_path / "office-store") == {
        hashlib.sha256(INVITATION).hexdigest(): INVITATION, hashlib.sha256(PROGRAMME).hexdigest(): PROGRAMME}
    with new_session(empty_engine) as session:
        rows = session.execute(sa.select(attachments.CorrespondenceAttachment.id)).scalars().all()
        got = sorted(attachments.download(session, attachment_id=i, actor=SYSTEM).content for i in rows)
    assert got == sorted([INVITATION, INVITATION, PROGRAMME])


def test_a_missing_attachment_file_is_named_and_the_backup_command_fails(office_with_attachments, tmp_path, capsys):
    sha = hashlib.sha256(PROGRAMME).hexdigest()
    attachments.blob_path(sha).unlink()
    source = office_with_attachments.url.render_as_string(hide_password=False)

    code = main(["--database", source, "backup", "--out", str(tmp_path / "b.wbk")])

    output = capsys.readouterr()
    assert code == 1
    assert sha in output.out + output.err and "1 attachment files" in output.out
    assert (tmp_path / "b.wbk").is_file()  # everything else is kept: the file is written, the run is a failure


@pytest.mark.parametrize("revision", ["0013", "0014"])
def test_a_backup_of_a_database_at_an_older_revision_is_restored_and_upgraded(backend, empty_engine, tmp_path,
                                                                              revision):
    name = f"old{uuid.uuid4().hex[:10]}"
    old = make_engine(backend.create_empty(name))
    try:
        migrate.upgrade(old, revision)
        _populate(old)
        made = backup(old, out=tmp_path / "old.wbk", actor=SYSTEM)
    finally:
        old.dispose()
        backend.drop(name)

    restored = restore(empty_engine, path=tmp_path / "old.wbk", actor=SYSTEM)

    assert made.revision == restored.revision == revision
    assert migrate.current_revision(empty_engine) == migrate.head_revision()
    with empty_engine.connect() as connection:
        assert connection.execute(sa.text("SELECT given_name_th FROM person")).scalar() == "เก่า"
        assert connection.execute(sa.text("SELECT name_th FROM country WHERE iso2 = 'TH'")).scalar() == "ไทย"
    with new_session(empty_engine) as session:
        chain = verify_chain(session, actor=SYSTEM)
    assert chain.ok and chain.checked == made.counts.get("audit_entry", 0) + 1  # and the restore's own entry
