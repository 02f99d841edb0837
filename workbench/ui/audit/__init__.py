"""The audit-trail dashboard (audit.ipynb)."""
