"""Retention (การเก็บรักษาและการทำลายหนังสือ): each document type is kept the number of years in
``data/correspondence_retention.csv`` (some for good). Each year the office draws up the destruction list
(บัญชีหนังสือขอทำลาย) of documents past retention; a committee — a chair and at least two members — approves it
before anything is marked destroyed. Documents 20 years old are listed for transfer to the National Archives
(หอจดหมายเหตุแห่งชาติ). Nothing is ever deleted: a destroyed document keeps its register entry, marked.

Years given to these functions are B.E. (``2569``); register years are stored C.E.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from workbench import clock
from workbench.db import transaction
from workbench.errors import ConflictError
from workbench.models.correspondence import (
    CommitteeRole,
    Correspondence,
    CorrespondenceRead,
    DestructionApproval,
    DestructionList,
    DestructionListItem,
    DestructionListStatus,
    Disposal,
)
from workbench.models.users import User
from workbench.services.access import Actor, can_see, require
from workbench.services.common import field_error, get_or_404, get_visible
from workbench.services.correspondence import rules
from workbench.services.correspondence.registers import _reads
from workbench.thai import ce_year

ARCHIVES_AGE_YEARS = 20
MIN_MEMBERS = 2


@dataclass(frozen=True)
class RetentionRow:
    document: CorrespondenceRead
    retention_years: int
    destroy_from_year_be: int


def _check_year(year_be: int) -> int:
    if not 2400 <= int(year_be) <= 2700:
        raise field_error("year", "ต้องเป็นปีพุทธศักราช เช่น 2569", "must be a B.E. year such as 2569")
    return ce_year(int(year_be))


def _visible_kept(session: Session, actor: Actor) -> list[Correspondence]:
    return list(session.exec(select(Correspondence).where(
        Correspondence.disposal == Disposal.KEPT,
        col(Correspondence.classification) <= int(getattr(actor, "clearance", 0)),
    ).order_by(col(Correspondence.year), col(Correspondence.register), col(Correspondence.number))).all())


def due_for_destruction(session: Session, *, actor: Actor, year_be: int) -> list[RetentionRow]:
    """Documents whose retention has run out by the end of ``year_be``: registered in year Y and kept N years,
    a document may be listed for destruction from year Y + N. Documents kept for good never are."""
    require(actor, "correspondence.read")
    year = _check_year(year_be)
    table = rules.retention_table()
    docs = [d for d in _visible_kept(session, actor)
            if not table[d.doc_type].permanent and d.year + table[d.doc_type].years <= year]
    return [RetentionRow(read, table[read.doc_type].years, read.year + table[read.doc_type].years + 543)
            for read in _reads(session, docs)]


def due_for_archives(session: Session, *, actor: Actor, year_be: int) -> list[CorrespondenceRead]:
    """Documents still kept that reach 20 years in ``year_be`` or earlier: to be transferred to the National
    Archives."""
    require(actor, "correspondence.read")
    year = _check_year(year_be)
    return _reads(session, [d for d in _visible_kept(session, actor) if d.year + ARCHIVES_AGE_YEARS <= year])


def draw_up_destruction_list(session: Session, *, actor: Actor, year_be: int) -> DestructionListState:
    """The destruction list of ``year_be``: every document past retention, as the retention data says."""
    require(actor, "correspondence.retention")
    rows = due_for_destruction(session, actor=actor, year_be=year_be)
    year = ce_year(int(year_be))
    existing = session.exec(select(DestructionList).where(
        DestructionList.year == year, DestructionList.status != DestructionListStatus.CARRIED_OUT)).first()
    if existing is not None:
        raise ConflictError(f"มีบัญชีหนังสือขอทำลายของปี {year_be} ที่ยังไม่ดำเนินการแล้ว (หมายเลข {existing.id})",
                            f"the {year_be} destruction list {existing.id} is still open", field="year")
    if not rows:
        raise field_error("year", f"ไม่มีหนังสือที่ครบกำหนดทำลายในปี {year_be}",
                          f"no documents are past retention in {year_be}")
    with transaction(session, actor=actor):
        listing = DestructionList(year=year, drawn_up_by_id=getattr(actor, "id", None))
        session.add(listing)
        session.flush()
        for row in rows:
            session.add(DestructionListItem(list_id=listing.id, correspondence_id=row.document.id,
                                            retention_years=row.retention_years))
        session.flush()
        return _state(session, listing)


def list_items(session: Session, *, actor: Actor, list_id: int) -> list[CorrespondenceRead]:
    require(actor, "correspondence.read")
    get_or_404(session, DestructionList, list_id, field="destruction_list_id")
    docs = session.exec(select(Correspondence).join(
        DestructionListItem, col(DestructionListItem.correspondence_id) == col(Correspondence.id)).where(
        DestructionListItem.list_id == list_id,
        col(Correspondence.classification) <= int(getattr(actor, "clearance", 0)),
    ).order_by(col(Correspondence.year), col(Correspondence.register), col(Correspondence.number))).all()
    return _reads(session, list(docs))


def _approvals(session: Session, *, list_id: int) -> list[DestructionApproval]:
    return list(session.exec(select(DestructionApproval).where(DestructionApproval.list_id == list_id)
                             .order_by(col(DestructionApproval.id))).all())


def approve(session: Session, *, actor: Actor, list_id: int, committee_role: CommitteeRole | str,
            note: str = "") -> DestructionListState:
    """A committee member's approval, in their own name. With the chair's and at least two members'
    approvals the list is approved."""
    require(actor, "correspondence.read")
    listing = get_or_404(session, DestructionList, list_id, field="destruction_list_id")
    if listing.status != DestructionListStatus.DRAFT:
        raise field_error("destruction_list_id", "บัญชีนี้อนุมัติแล้ว", "this list is already approved")
    try:
        committee_role = CommitteeRole(committee_role)
    except ValueError:
        raise field_error("committee_role", "ไม่อยู่ในตัวเลือกที่กำหนด", "is not one of the allowed choices") from None
    user_id = getattr(actor, "id", None)
    if user_id is None or session.get(User, user_id) is None:
        raise field_error("committee_role", "กรรมการต้องเป็นผู้ใช้ที่มีชื่อในระบบ", "a committee member must be a named user")
    given = _approvals(session, list_id=list_id)
    if any(a.user_id == user_id for a in given):
        raise field_error("committee_role", "ท่านอนุมัติบัญชีนี้แล้ว", "you have already approved this list")
    if committee_role == CommitteeRole.CHAIR and any(a.committee_role == CommitteeRole.CHAIR for a in given):
        raise field_error("committee_role", "ประธานกรรมการอนุมัติแล้ว", "the chair has already approved")
    with transaction(session, actor=actor):
        session.add(DestructionApproval(list_id=list_id, user_id=user_id, committee_role=committee_role,
                                        note=" ".join(note.split())[:500]))
        session.flush()
        roles = [a.committee_role for a in _approvals(session, list_id=list_id)]
        if CommitteeRole.CHAIR in roles and roles.count(CommitteeRole.MEMBER) >= MIN_MEMBERS:
            listing.status = DestructionListStatus.APPROVED
            listing.approved_at = clock.now().replace(microsecond=0)
            session.add(listing)
            session.flush()
        return _state(session, listing)


def carry_out(session: Session, *, actor: Actor, list_id: int) -> int:
    """Mark every document of an approved list that the actor may see destroyed (the entries stay); returns how
    many. A classified entry above the actor's clearance behaves as if it were not on the list: it is neither
    destroyed nor counted, and stays kept (a cleared officer puts it on a later list)."""
    require(actor, "correspondence.retention")
    listing = get_or_404(session, DestructionList, list_id, field="destruction_list_id")
    if listing.status != DestructionListStatus.APPROVED:
        raise field_error("destruction_list_id",
                          "ต้องได้รับอนุมัติจากประธานและกรรมการอย่างน้อยสองคนก่อนทำลาย",
                          "the chair and at least two members must approve before anything is destroyed")
    now = clock.now().replace(microsecond=0)
    with transaction(session, actor=actor):
        items = session.exec(select(DestructionListItem).where(DestructionListItem.list_id == list_id)).all()
        docs = [session.get(Correspondence, item.correspondence_id) for item in items]
        docs = [doc for doc in docs if can_see(actor, doc.classification)]
        for doc in docs:
            doc.disposal = Disposal.DESTROYED
            doc.disposed_at = now
            session.add(doc)
        listing.status = DestructionListStatus.CARRIED_OUT
        listing.carried_out_at = now
        session.add(listing)
        session.flush()
        return len(docs)


def mark_transferred(session: Session, *, actor: Actor, document_ids: list[int]) -> int:
    """Mark documents handed over to the National Archives (only those 20 years old or more)."""
    require(actor, "correspondence.retention")
    year = clock.today().year
    now = clock.now().replace(microsecond=0)
    with transaction(session, actor=actor):
        for document_id in document_ids:
            doc = get_visible(session, Correspondence, document_id, actor=actor,
                              permission="correspondence.retention", field="correspondence_id")
            if doc.year + ARCHIVES_AGE_YEARS > year or doc.disposal != Disposal.KEPT:
                raise field_error("correspondence_id", f"หนังสือหมายเลข {document_id} ยังไม่ครบ 20 ปีหรือจำหน่ายแล้ว",
                                  f"document {document_id} is not yet 20 years old or already disposed of")
            doc.disposal = Disposal.TRANSFERRED
            doc.disposed_at = now
            session.add(doc)
        session.flush()
        return len(document_ids)


@dataclass(frozen=True)
class ApprovalRead:
    username: str
    committee_role: str
    approved_at: Any
    note: str


@dataclass(frozen=True)
class DestructionListState:
    list_id: int
    year_be: int
    status: str
    approvals: list[ApprovalRead]


def list_status(session: Session, *, actor: Actor, list_id: int) -> DestructionListState:
    """Where a destruction list stands: its year, its status and the committee's approvals, in order."""
    require(actor, "correspondence.read")
    return _state(session, get_or_404(session, DestructionList, list_id, field="destruction_list_id"))


def _state(session: Session, listing: DestructionList) -> DestructionListState:
    given = [ApprovalRead(username=(user.username if (user := session.get(User, a.user_id)) else str(a.user_id)),
                          committee_role=CommitteeRole(a.committee_role).value, approved_at=a.at, note=a.note)
             for a in _approvals(session, list_id=listing.id)]
    return DestructionListState(list_id=listing.id, year_be=listing.year + 543,
                                status=DestructionListStatus(listing.status).value, approvals=given)
