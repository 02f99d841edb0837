"""The table models, one module per feature (``workbench.models.visits`` …).

Importing this package is cheap: a name below (``from workbench.models import Person``) is imported from its
module on first use, so a command loads only the models it reads (a 20-year ``workbench visit list`` needs five
model modules of fourteen; building every model and its schemas costs a second of start-up on the office's
machine). Whatever needs every table on ``SQLModel.metadata`` calls ``load_all()``: Alembic, the audit trail's
kinds, and every flush (``workbench.db``: foreign keys are resolved against the whole metadata). A new model
module needs no line here: ``load_all()`` imports every module of the package.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module
from typing import Any

_NAMES: dict[str, tuple[str, ...]] = {
    "audit": ("AuditChain", "AuditEntry"),
    "base": ("Clearance", "Region"),
    "briefing": ("Agreement", "BriefingPack", "BriefingPackPoint", "Chamber", "ChamberSnapshot", "CountryFact",
                 "MonitoringNote", "Parliament", "TalkingPoint"),
    "budget": ("AccommodationRate", "Allotment", "AllowanceRate", "BudgetLine", "Commitment", "CountryRateGroup",
               "Disbursement", "DisbursementTarget", "Transfer", "TravelCostDefault", "TravelGrade"),
    "countries": ("Country", "CountryBase", "CountryRead"),
    "interparliamentary": ("AgendaItem", "CoordinationEntry", "HostRotation", "Intervention", "LeadTime", "Meeting",
                           "MeetingDocument", "MeetingSeries", "MeetingSummary", "Observer", "Position", "PrepTask",
                           "Resolution", "SummaryFollowUp"),
    "people": ("Gender", "Membership", "MembershipCreate", "MembershipRead", "Organization", "OrganizationCreate",
               "OrganizationRead", "OrgClassification", "Person", "PersonCreate", "PersonRead", "PersonUpdate", "Post",
               "PostCreate", "PostRead"),
    "users": ("Role", "User", "UserCreate", "UserRead", "UserUpdate"),
    "visit_documents": ("ProgrammeDetails", "ReportNarrative", "VisitDocumentVersion"),
    "visits": ("ChecklistItem", "ChecklistTemplateItem", "ConversationRecord", "DelegationMember", "Engagement",
               "EngagementParticipant", "FollowUp", "PrecedenceRank", "Visit", "VisitOfficer"),
    "web_session": ("WebSession",),
    "travel": ("Passport", "PassportMove", "PassportTypeRule", "TravelLeadTime", "TravelLetter", "TravelRule",
               "VisaRequest", "VisaRequirement"),
    "correspondence": ("Correspondence", "CorrespondenceAttachment", "CorrespondenceCounter", "DestructionApproval",
                       "DestructionList", "DestructionListItem", "RoutingStep"),
    "administration": ("Absence", "Equipment", "Gift", "StaffMember", "StockItem", "StockMovement", "WorkPlanItem"),
}
_MODULE_OF = {name: module for module, names in _NAMES.items() for name in names}

__all__ = [name for names in _NAMES.values() for name in names]
__all__ += ["load_all"]

_loaded = False


def __getattr__(name: str) -> Any:
    """``workbench.models.Person``: imported from its own module the first time it is asked for."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def load_all() -> Any:
    """Import every model module of this package (once), so ``SQLModel.metadata`` knows every table; returns it."""
    global _loaded
    if not _loaded:
        for info in pkgutil.iter_modules(__path__):
            import_module(f"{__name__}.{info.name}")
        _loaded = True
    from sqlmodel import SQLModel

    return SQLModel.metadata
