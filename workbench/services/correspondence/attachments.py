"""Attachments: files stored outside the database under ``WORKBENCH_ATTACHMENTS_DIR`` (default
``data/attachments/``), named by the SHA-256 of their content (``ab/cd/abcd…``). The same file attached twice is
stored once; a download reads the file back and refuses it when its hash no longer matches (tampered or damaged).
Allowed types and their size limits are data (``data/correspondence_attachments.csv``). An attachment is seen
only by users who may see its document.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, col, select

from workbench.db import record_event, transaction
from workbench.errors import ConflictError
from workbench.models.base import Clearance
from workbench.models.correspondence import Correspondence, CorrespondenceAttachment, CorrespondenceAttachmentRead
from workbench.services.access import Actor, can_see, require
from workbench.services.common import classification_of, field_error, get_visible
from workbench.services.correspondence import rules
from workbench.services.correspondence.registers import _document


@dataclass(frozen=True)
class Download:
    filename: str
    content_type: str
    content: bytes


def store_dir() -> Path:
    from workbench.config import get_settings

    return get_settings().effective_attachments_dir


def blob_path(sha256: str) -> Path:
    return store_dir() / sha256[:2] / sha256[2:4] / sha256


def _safe_name(filename: str) -> str:
    name = Path((filename or "").replace("\\", "/")).name.strip()
    name = "".join(ch for ch in name if ch.isprintable())
    if not name or name in {".", ".."}:
        raise field_error("file", "ต้องมีชื่อไฟล์", "the file needs a name")
    return name[:255]


def check_file(filename: str, content: bytes) -> rules.FileRule:
    """The rule the file falls under; refuses an unlisted type or a file over its size limit."""
    name = _safe_name(filename)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = rules.file_rules()
    rule = allowed.get(extension)
    if rule is None:
        kinds = ", ".join(sorted(allowed))
        raise field_error("file", f"ไม่รับไฟล์ชนิด .{extension or '?'} (รับ: {kinds})",
                          f"files of type .{extension or '?'} are not accepted (accepted: {kinds})")
    if not content:
        raise field_error("file", "ไฟล์ว่างเปล่า", "the file is empty")
    if len(content) > rule.max_bytes:
        raise field_error("file", f"ไฟล์ใหญ่เกิน {rule.max_bytes // 1024:,} KB ที่กำหนดสำหรับ .{extension}",
                          f"the file is larger than the {rule.max_bytes // 1024:,} KB allowed for .{extension}")
    return rule


def _write_blob(sha256: str, content: bytes) -> None:
    """Write the file once: an existing file with the right content is kept; a damaged one is replaced."""
    path = blob_path(sha256)
    if path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() == sha256:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(handle.name, path)


def attach(session: Session, *, document_id: int, actor: Actor, filename: str,
           content: bytes) -> CorrespondenceAttachmentRead:
    """Attach a file to a register entry (registering staff, or the officer who holds the document)."""
    doc = _document(session, document_id=document_id, actor=actor, audit_open=False)
    if getattr(actor, "id", None) is None or doc.assignee_id != actor.id:
        require(actor, "correspondence.write")
    rule = check_file(filename, content)
    sha256 = hashlib.sha256(content).hexdigest()
    with transaction(session, actor=actor):
        _write_blob(sha256, content)
        attachment = CorrespondenceAttachment(correspondence_id=doc.id, sha256=sha256, filename=_safe_name(filename),
                                              content_type=rule.content_type, size=len(content),
                                              uploaded_by_id=getattr(actor, "id", None))
        session.add(attachment)
        session.flush()
        return CorrespondenceAttachmentRead.model_validate(attachment, from_attributes=True)


def list_attachments(session: Session, *, document_id: int, actor: Actor) -> list[CorrespondenceAttachmentRead]:
    doc = _document(session, document_id=document_id, actor=actor, audit_open=False)
    return [CorrespondenceAttachmentRead.model_validate(row, from_attributes=True) for row in session.exec(
        select(CorrespondenceAttachment).where(CorrespondenceAttachment.correspondence_id == doc.id)
        .order_by(col(CorrespondenceAttachment.id))).all()]


def download(session: Session, *, attachment_id: int, actor: Actor) -> Download:
    """The file's bytes after checking its SHA-256; a classified document's download is audited."""
    attachment = get_visible(session, CorrespondenceAttachment, attachment_id, actor=actor,
                             permission="correspondence.read", field="attachment_id",
                             visible=lambda a: can_see(actor, classification_of(
                                 session.get(Correspondence, a.correspondence_id))))
    doc = _document(session, document_id=attachment.correspondence_id, actor=actor, audit_open=False)
    path = blob_path(attachment.sha256)
    try:
        content = path.read_bytes()
    except OSError:
        raise ConflictError("ไม่พบไฟล์แนบในที่เก็บ (แจ้งผู้ดูแลระบบ)",
                            "the attached file is missing from the store (tell the administrator)",
                            field="attachment_id") from None
    if hashlib.sha256(content).hexdigest() != attachment.sha256:
        with transaction(session, actor=actor):
            record_event(session, actor=actor, entity="correspondence_attachment", entity_id=str(attachment.id),
                         action="hash_mismatch", details={"sha256": attachment.sha256})
        raise ConflictError("ไฟล์แนบถูกแก้ไขหรือเสียหาย ไม่ตรงกับที่บันทึกไว้ จึงไม่ส่งให้",
                            "the attached file was altered or damaged (its SHA-256 does not match) and is refused",
                            field="attachment_id")
    if doc.classification > Clearance.NONE:
        with transaction(session, actor=actor):
            record_event(session, actor=actor, entity="correspondence_attachment", entity_id=str(attachment.id),
                         action="download", details={"classification": int(doc.classification)})
    return Download(attachment.filename, attachment.content_type, content)
