"""Attachments: stored by SHA-256 outside the database, once per content; size and type limits come from
data/correspondence_attachments.csv; a download re-checks the hash and refuses a tampered file; an attachment
of a classified document is as invisible as its document."""

from __future__ import annotations

import hashlib

import pytest

from tests.correspondence_factories import clerk, letter
from workbench.config import get_settings
from workbench.db import SYSTEM
from workbench.errors import ConflictError, NotFound, ValidationError
from workbench.models.base import Clearance
from workbench.services import correspondence as corr
from workbench.services.correspondence import attachments, rules


@pytest.fixture(autouse=True)
def _store(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_ATTACHMENTS_DIR", str(tmp_path / "store"))
    get_settings.cache_clear()


def files_in_store():
    return sorted(p for p in attachments.store_dir().rglob("*") if p.is_file())


def test_a_file_is_stored_under_its_sha256_and_comes_back_unchanged(session):
    doc = corr.register_document(session, actor=SYSTEM, data=letter())
    content = b"%PDF-1.4 letter body"
    attachment = attachments.attach(session, document_id=doc.id, actor=SYSTEM, filename="หนังสือเชิญ.pdf",
                                    content=content)

    assert attachment.sha256 == hashlib.sha256(content).hexdigest()
    assert files_in_store() == [attachments.blob_path(attachment.sha256)]
    got = attachments.download(session, attachment_id=attachment.id, actor=SYSTEM)
    assert (got.content, got.filename, got.content_type) == (content, "หนังสือเชิญ.pdf", "application/pdf")


def test_the_same_file_attached_twice_is_stored_once(session):
    first = corr.register_document(session, actor=SYSTEM, data=letter())
    second = corr.register_document(session, actor=SYSTEM, data=letter(register="outgoing"))
    for doc in (first, second):
        attachments.attach(session, document_id=doc.id, actor=SYSTEM, filename="same.pdf", content=b"%PDF same")
    assert len(files_in_store()) == 1
    assert corr.read_document(session, document_id=second.id, actor=SYSTEM).attachment_count == 1


def test_a_tampered_attachment_is_refused(session):
    doc = corr.register_document(session, actor=SYSTEM, data=letter())
    attachment = attachments.attach(session, document_id=doc.id, actor=SYSTEM, filename="a.pdf", content=b"%PDF ok")
    attachments.blob_path(attachment.sha256).write_bytes(b"%PDF altered")

    with pytest.raises(ConflictError) as error:
        attachments.download(session, attachment_id=attachment.id, actor=SYSTEM)
    assert "SHA-256" in error.value.en


def test_type_and_size_limits_are_data(session):
    doc = corr.register_document(session, actor=SYSTEM, data=letter())
    with pytest.raises(ValidationError) as wrong_type:
        attachments.attach(session, document_id=doc.id, actor=SYSTEM, filename="run.exe", content=b"MZ")
    assert wrong_type.value.field == "file"
    limit = rules.file_rules()["txt"].max_bytes
    with pytest.raises(ValidationError) as too_big:
        attachments.attach(session, document_id=doc.id, actor=SYSTEM, filename="big.txt", content=b"x" * (limit + 1))
    assert "KB" in too_big.value.en
    assert files_in_store() == []


def test_an_uncleared_user_cannot_download_a_classified_documents_file(session):
    doc = corr.register_document(session, actor=SYSTEM, data=letter(classification=1))
    attachment = attachments.attach(session, document_id=doc.id, actor=SYSTEM, filename="a.pdf", content=b"%PDF x")
    viewer = clerk(session, role="viewer")
    with pytest.raises(NotFound):
        attachments.download(session, attachment_id=attachment.id, actor=viewer)
    with pytest.raises(NotFound):
        attachments.list_attachments(session, document_id=doc.id, actor=viewer)
    cleared = clerk(session, role="viewer", clearance=Clearance.CONFIDENTIAL)
    assert attachments.download(session, attachment_id=attachment.id, actor=cleared).content == b"%PDF x"
