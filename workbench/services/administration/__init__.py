"""Office administration: staff registry and absences (``staff``), supplies, equipment and souvenirs
(``stock``), the gift register with the NACC reporting rule (``gifts``), work plans (``plans``) and the
quarterly statistics computed from the data (``statistics``).

Permissions: ``administration.read`` to read, ``administration.write`` to record (admin officers; administrators
hold every permission)."""

from workbench.services.administration import gifts, plans, staff, statistics, stock

__all__ = ["gifts", "plans", "staff", "statistics", "stock"]
