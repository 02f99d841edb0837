"""Office administration: staff registry and absences (``staff``), supplies, equipment and souvenirs
(``stock``), the gift register with the NACC reporting rule (``gifts``), work plans (``plans``) and the
quarterly statistics computed from the data (``statistics``).

Permissions: ``administration.read`` to read, ``administration.write`` to record (admin officers; administrators
hold every permission)."""

from workbench.services import correspondence
from workbench.services.administration import gifts, plans, sources, staff, statistics, stock

# the figures other features' records give (documents registered, meetings attended): computed, never typed
statistics.register_source("documents_registered", correspondence.count_registered)
statistics.register_source("meetings_attended", sources.count_meetings_attended)

__all__ = ["gifts", "plans", "sources", "staff", "statistics", "stock"]
