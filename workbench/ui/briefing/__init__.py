"""The briefing dashboard (briefing.ipynb) and its widgets, and the monitoring-notes notebook widget."""
