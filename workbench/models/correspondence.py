"""Correspondence (งานสารบรรณ): the incoming, outgoing and internal registers, attachments stored by content hash,
routing steps (การเสนอแฟ้ม), and the yearly destruction lists approved by a committee.

Register numbers run in one unbroken sequence per register per calendar year: a counter row per (register, year)
is incremented inside the registering transaction, and a unique constraint on (register, year, number) is the last
guard. Nothing is deleted: a destroyed or transferred document keeps its register entry with its disposal marked.
"""

from __future__ import annotations

import datetime as dt
import enum
import warnings

import sqlalchemy as sa
from pydantic import field_validator
from sqlmodel import Field, SQLModel

from workbench.models.base import Clearance, clearance_column, created_at_field, datetime_column, enum_column

# "register" is the office's word for the field; pydantic warns that it shadows SQLModel.register (unused here)
warnings.filterwarnings("ignore", message='Field name "register"', category=UserWarning)


class Register(enum.StrEnum):
    INCOMING = "incoming"  # ทะเบียนหนังสือรับ
    OUTGOING = "outgoing"  # ทะเบียนหนังสือส่ง
    INTERNAL = "internal"  # ทะเบียนหนังสือภายใน (บันทึกข้อความ)


class DocumentType(enum.StrEnum):
    """The six kinds of official document of the correspondence regulation (ข้อ 9)."""

    EXTERNAL = "external"  # หนังสือภายนอก
    INTERNAL = "internal"  # หนังสือภายใน
    STAMPED = "stamped"  # หนังสือประทับตรา
    DIRECTIVE = "directive"  # หนังสือสั่งการ (คำสั่ง ระเบียบ ข้อบังคับ)
    ANNOUNCEMENT = "announcement"  # หนังสือประชาสัมพันธ์ (ประกาศ แถลงการณ์ ข่าว)
    EVIDENCE = "evidence"  # หนังสือที่เจ้าหน้าที่ทำขึ้นหรือรับไว้เป็นหลักฐานในราชการ


class Urgency(enum.StrEnum):
    MOST_URGENT = "most_urgent"  # ด่วนที่สุด
    VERY_URGENT = "very_urgent"  # ด่วนมาก
    URGENT = "urgent"  # ด่วน
    NORMAL = "normal"  # ปกติ


class ActionRequested(enum.StrEnum):
    FOR_INFORMATION = "for_information"  # เพื่อทราบ
    FOR_CONSIDERATION = "for_consideration"  # เพื่อพิจารณา
    FOR_ACTION = "for_action"  # เพื่อดำเนินการ
    FOR_SIGNATURE = "for_signature"  # เพื่อลงนาม
    FOR_REPLY = "for_reply"  # เพื่อตอบ


class CorrespondenceStatus(enum.StrEnum):
    REGISTERED = "registered"  # ลงทะเบียนแล้ว
    ROUTED = "routed"  # อยู่ระหว่างเสนอ/ดำเนินการ
    RETURNED = "returned"  # ส่งคืน
    SIGNED_OFF = "signed_off"  # ลงนาม/สั่งการแล้ว (เสร็จ)


class Disposal(enum.StrEnum):
    KEPT = "kept"  # เก็บรักษา
    DESTROYED = "destroyed"  # ทำลายแล้ว (ตามบัญชีหนังสือขอทำลายที่คณะกรรมการอนุมัติ)
    TRANSFERRED = "transferred"  # ส่งมอบหอจดหมายเหตุแห่งชาติแล้ว


class RoutingAction(enum.StrEnum):
    ASSIGN = "assign"  # มอบหมาย
    FORWARD = "forward"  # ส่งต่อ
    RETURN = "return"  # ส่งคืน
    SIGN_OFF = "sign_off"  # ลงนาม/สั่งการ


class DestructionListStatus(enum.StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    CARRIED_OUT = "carried_out"


class CommitteeRole(enum.StrEnum):
    CHAIR = "chair"  # ประธานกรรมการ
    MEMBER = "member"  # กรรมการ


# --- The register entry --------------------------------------------------------------------------------

class CorrespondenceBase(SQLModel):
    # "register" is also a method of the model's metaclass: without an explicit ``...`` pydantic would take that
    # method as the default and the field would not be required
    register: Register = Field(default=..., sa_type=enum_column(Register, 20))
    doc_number: str = Field(default="", max_length=100, description="the document's own number (ที่ …)")
    doc_date: dt.date | None = Field(default=None, description="the date written on the document")
    sender: str = Field(default="", max_length=300, description="from (จาก)")
    recipient: str = Field(default="", max_length=300, description="to (ถึง)")
    subject: str = Field(min_length=1, max_length=500, description="subject (เรื่อง)")
    doc_type: DocumentType = Field(default=DocumentType.EXTERNAL, sa_type=enum_column(DocumentType, 20))
    urgency: Urgency = Field(default=Urgency.NORMAL, sa_type=enum_column(Urgency, 20))
    classification: Clearance = Field(default=Clearance.NONE, sa_type=clearance_column())
    action_requested: ActionRequested = Field(default=ActionRequested.FOR_INFORMATION,
                                              sa_type=enum_column(ActionRequested, 30))
    work_group: str = Field(default="", max_length=200, description="the work group it is assigned to")
    assignee_id: int | None = Field(default=None, foreign_key="app_user.id", description="the officer in charge")
    remarks: str = Field(default="", max_length=1000)
    visit_id: int | None = Field(default=None, foreign_key="visit.id", index=True)
    engagement_id: int | None = Field(default=None, foreign_key="engagement.id", index=True)
    commitment_id: int | None = Field(default=None, foreign_key="budget_commitment.id")
    reply_to_id: int | None = Field(default=None, foreign_key="correspondence.id",
                                    description="the register entry this document answers")


class CorrespondenceCreate(CorrespondenceBase):
    """What a caller gives to register a document; ``registered_at`` defaults to now (Bangkok)."""

    register: Register = Field(default=...)  # re-declared: see CorrespondenceBase
    registered_at: dt.datetime | None = None

    @field_validator("subject", "doc_number", "sender", "recipient", "remarks", "work_group", mode="before")
    @classmethod
    def _trim(cls, value: object) -> object:
        return " ".join(value.split()) if isinstance(value, str) else value


class Correspondence(CorrespondenceBase, table=True):
    __table_args__ = (sa.UniqueConstraint("register", "year", "number", name="uq_correspondence_number"),)

    id: int | None = Field(default=None, primary_key=True)
    # repeated here: a field called "register" shadows a SQLModel attribute, and the inherited column type is lost
    register: Register = Field(default=..., sa_type=enum_column(Register, 20))
    year: int = Field(index=True, description="calendar year (C.E.) of the registration; numbers restart each year")
    number: int
    registered_at: dt.datetime = Field(sa_type=datetime_column(), description="Bangkok local time")
    status: CorrespondenceStatus = Field(default=CorrespondenceStatus.REGISTERED,
                                         sa_type=enum_column(CorrespondenceStatus, 20))
    due_at: dt.datetime | None = Field(default=None, sa_type=datetime_column(), description="from its urgency")
    disposal: Disposal = Field(default=Disposal.KEPT, sa_type=enum_column(Disposal, 20))
    disposed_at: dt.datetime | None = Field(default=None, sa_type=datetime_column())
    search_text: str = Field(default="", sa_type=sa.Text(), description="case-folded text that search reads")
    registered_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    created_at: dt.datetime = created_at_field()


class CorrespondenceRead(CorrespondenceBase):
    register: Register = Field(default=...)  # re-declared: see CorrespondenceBase
    id: int
    year: int
    number: int
    display_number: str
    registered_at: dt.datetime
    status: CorrespondenceStatus
    due_at: dt.datetime | None = None
    disposal: Disposal = Disposal.KEPT
    disposed_at: dt.datetime | None = None
    assignee_name: str = ""
    attachment_count: int = 0


class CorrespondenceCounter(SQLModel, table=True):
    """The last number given in one register in one calendar year (C.E.)."""

    __tablename__ = "correspondence_counter"

    register: Register = Field(default=..., sa_type=enum_column(Register, 20), primary_key=True)
    year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    last: int = 0


# --- Attachments ---------------------------------------------------------------------------------------

class CorrespondenceAttachment(SQLModel, table=True):
    """A file attached to a register entry; its bytes live under the data dir, named by their SHA-256."""

    __tablename__ = "correspondence_attachment"

    id: int | None = Field(default=None, primary_key=True)
    correspondence_id: int = Field(foreign_key="correspondence.id", index=True)
    sha256: str = Field(max_length=64, index=True)
    filename: str = Field(max_length=255)
    content_type: str = Field(max_length=120)
    size: int = Field(ge=0)
    uploaded_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    created_at: dt.datetime = created_at_field()


class CorrespondenceAttachmentRead(SQLModel):
    id: int
    correspondence_id: int
    sha256: str
    filename: str
    content_type: str
    size: int
    uploaded_by_id: int | None = None
    created_at: dt.datetime


# --- Routing -------------------------------------------------------------------------------------------

class RoutingStep(SQLModel, table=True):
    """One step of a document's way through the office: who did what, to whom, when, with which note."""

    __tablename__ = "correspondence_routing_step"

    id: int | None = Field(default=None, primary_key=True)
    correspondence_id: int = Field(foreign_key="correspondence.id", index=True)
    action: RoutingAction = Field(sa_type=enum_column(RoutingAction, 20))
    by_id: int | None = Field(default=None, foreign_key="app_user.id")
    by_name: str = Field(default="", max_length=60)
    to_user_id: int | None = Field(default=None, foreign_key="app_user.id")
    to_group: str = Field(default="", max_length=200)
    note: str = Field(default="", max_length=1000)
    at: dt.datetime = Field(sa_type=datetime_column(), description="Bangkok local time")


class RoutingStepRead(SQLModel):
    """A routing step as services hand it out; ``to_name`` is the receiving officer's name (for display)."""

    id: int
    correspondence_id: int
    action: RoutingAction
    by_id: int | None = None
    by_name: str = ""
    to_user_id: int | None = None
    to_group: str = ""
    note: str = ""
    at: dt.datetime
    to_name: str = ""


# --- Retention: destruction lists ----------------------------------------------------------------------

class DestructionList(SQLModel, table=True):
    """บัญชีหนังสือขอทำลาย of one calendar year (C.E.), approved by a committee before anything is destroyed."""

    __tablename__ = "correspondence_destruction_list"

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    status: DestructionListStatus = Field(default=DestructionListStatus.DRAFT,
                                          sa_type=enum_column(DestructionListStatus, 20))
    drawn_up_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    created_at: dt.datetime = created_at_field()
    approved_at: dt.datetime | None = Field(default=None, sa_type=datetime_column())
    carried_out_at: dt.datetime | None = Field(default=None, sa_type=datetime_column())


class DestructionListItem(SQLModel, table=True):
    __tablename__ = "correspondence_destruction_item"
    __table_args__ = (sa.UniqueConstraint("list_id", "correspondence_id"),)

    id: int | None = Field(default=None, primary_key=True)
    list_id: int = Field(foreign_key="correspondence_destruction_list.id", index=True)
    correspondence_id: int = Field(foreign_key="correspondence.id", index=True)
    retention_years: int


class DestructionApproval(SQLModel, table=True):
    """One committee member's approval of a destruction list (the chair and at least two members)."""

    __tablename__ = "correspondence_destruction_approval"
    __table_args__ = (sa.UniqueConstraint("list_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    list_id: int = Field(foreign_key="correspondence_destruction_list.id", index=True)
    user_id: int = Field(foreign_key="app_user.id")
    committee_role: CommitteeRole = Field(sa_type=enum_column(CommitteeRole, 20))
    note: str = Field(default="", max_length=500)
    at: dt.datetime = created_at_field()
