"""All table models, imported here so SQLModel.metadata knows every table (Alembic reads it)."""

from workbench.models.audit import AuditChain, AuditEntry
from workbench.models.base import Clearance, Region
from workbench.models.briefing import (
    Agreement,
    BriefingPack,
    BriefingPackPoint,
    Chamber,
    ChamberSnapshot,
    CountryFact,
    MonitoringNote,
    Parliament,
    TalkingPoint,
)
from workbench.models.budget import (
    AccommodationRate,
    Allotment,
    AllowanceRate,
    BudgetLine,
    Commitment,
    CountryRateGroup,
    Disbursement,
    DisbursementTarget,
    Transfer,
    TravelCostDefault,
    TravelGrade,
)
from workbench.models.countries import Country, CountryBase, CountryRead
from workbench.models.interparliamentary import (
    AgendaItem,
    CoordinationEntry,
    HostRotation,
    Intervention,
    LeadTime,
    Meeting,
    MeetingDocument,
    MeetingSeries,
    MeetingSummary,
    Observer,
    Position,
    PrepTask,
    Resolution,
    SummaryFollowUp,
)
from workbench.models.people import (
    Gender,
    Membership,
    MembershipCreate,
    MembershipRead,
    Organization,
    OrganizationCreate,
    OrganizationRead,
    OrgClassification,
    Person,
    PersonCreate,
    PersonRead,
    PersonUpdate,
    Post,
    PostCreate,
    PostRead,
)
from workbench.models.users import Role, User, UserCreate, UserRead, UserUpdate
from workbench.models.visit_documents import ProgrammeDetails, ReportNarrative, VisitDocumentVersion
from workbench.models.visits import (
    ChecklistItem,
    ChecklistTemplateItem,
    ConversationRecord,
    DelegationMember,
    Engagement,
    EngagementParticipant,
    FollowUp,
    PrecedenceRank,
    Visit,
    VisitOfficer,
)
from workbench.models.web_session import WebSession

__all__ = [
    "AuditChain", "AuditEntry", "Clearance", "Country", "CountryBase", "CountryRead", "Gender", "Membership",
    "MembershipCreate", "MembershipRead", "OrgClassification", "Organization", "OrganizationCreate",
    "OrganizationRead", "Person", "PersonCreate", "PersonRead", "PersonUpdate", "Post", "PostCreate", "PostRead",
    "Region", "Role", "ChecklistItem", "ChecklistTemplateItem", "ConversationRecord",
    "DelegationMember", "Engagement", "EngagementParticipant", "FollowUp", "PrecedenceRank", "Visit", "VisitOfficer",
    "User", "UserCreate", "UserRead", "UserUpdate",
    "AccommodationRate", "AllowanceRate", "Allotment", "BudgetLine", "Commitment", "CountryRateGroup",
    "Disbursement", "DisbursementTarget", "Transfer", "TravelCostDefault", "TravelGrade",
]
__all__ += ["Agreement", "BriefingPack", "BriefingPackPoint", "Chamber", "ChamberSnapshot", "CountryFact",
            "MonitoringNote", "Parliament", "TalkingPoint"]
__all__ += ["WebSession"]
from workbench.models.travel import (  # noqa: E402
    Passport,
    PassportMove,
    PassportTypeRule,
    TravelLeadTime,
    TravelLetter,
    TravelRule,
    VisaRequest,
    VisaRequirement,
)

__all__ += ["Passport", "PassportMove", "PassportTypeRule", "TravelLeadTime", "TravelLetter", "TravelRule",
            "VisaRequirement", "VisaRequest"]

from workbench.models.correspondence import (  # noqa: E402
    Correspondence,
    CorrespondenceAttachment,
    CorrespondenceCounter,
    DestructionApproval,
    DestructionList,
    DestructionListItem,
    RoutingStep,
)

__all__ += ["Correspondence", "CorrespondenceAttachment", "CorrespondenceCounter", "DestructionApproval",
            "DestructionList", "DestructionListItem", "RoutingStep"]
__all__ += ["AgendaItem", "CoordinationEntry", "HostRotation", "Intervention", "LeadTime", "Meeting",
            "MeetingDocument", "MeetingSeries", "MeetingSummary", "Observer", "Position", "PrepTask", "Resolution",
            "SummaryFollowUp"]
__all__ += ["ProgrammeDetails", "ReportNarrative", "VisitDocumentVersion"]
from workbench.models.administration import (  # noqa: E402
    Absence,
    Equipment,
    Gift,
    StaffMember,
    StockItem,
    StockMovement,
    WorkPlanItem,
)

__all__ += ["Absence", "Equipment", "Gift", "StaffMember", "StockItem", "StockMovement", "WorkPlanItem"]
