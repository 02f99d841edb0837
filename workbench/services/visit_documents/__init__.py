"""The documents of a visit, assembled from the records: the programme (กำหนดการ), the seating plan and place
cards of a reception or meeting, and the trip report (รายงานผลการเดินทาง) or visit summary.

Rules:
- only what the actor may see goes in (a classified engagement or record is left out for others), and the
  document is marked with the highest classification it holds;
- a programme needs engagements, a seating plan needs guests, a place card needs the person's name and title
  (the precedence list's label) in Thai and English: otherwise a bilingual error names what is missing;
- issuing a programme or a trip report whose content changed saves a new numbered version (the latest is marked;
  the changes since the one before are listed); the analyst's narrative is versioned the same way;
- a visit may be marked "reported" only once its report has been issued; issuing it ticks the checklist's
  ``report`` item.

The package: ``versions`` (languages, the engagements that go in, numbered versions), ``programme``, ``seating``
(seating plan and place cards) and ``report`` (trip report and narrative).
"""

from __future__ import annotations

from workbench.services.visit_documents.programme import (  # noqa: F401
    Programme,
    ProgrammeRow,
    issue_programme,
    programme_details,
    set_programme_details,
)
from workbench.services.visit_documents.report import (  # noqa: F401
    BudgetRow,
    ReportEngagement,
    TripReport,
    issue_report,
    latest_narrative,
    mark_reported,
    narrative_versions,
    report_issued,
    save_narrative,
    visit_budget,
)
from workbench.services.visit_documents.seating import (  # noqa: F401
    SHAPES,
    PlaceCard,
    PlacedSeat,
    SeatingLayout,
    place_cards,
    seating_layout,
)
from workbench.services.visit_documents.versions import (  # noqa: F401
    LANGS,
    REPORT_ITEM,
    ZERO,
    Change,
    VersionInfo,
    document_versions,
)
