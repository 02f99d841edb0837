"""Correspondence (งานสารบรรณ): registers and numbering, attachments, routing, retention and search.

The public entry point for other services is ``register_document``: e.g. travel's passport and visa letters take
their outgoing number from here inside their own transaction.
"""

from workbench.services.correspondence.registers import (
    count_documents,
    count_registered,
    display_number,
    get_document,
    is_overdue,
    list_documents,
    next_number,
    read_document,
    register_document,
    register_page,
    years,
)
from workbench.services.correspondence.routing import history, my_desk, overdue, route

__all__ = ["count_documents", "count_registered", "display_number", "get_document", "history", "is_overdue", "list_documents",
           "my_desk", "next_number", "overdue", "read_document", "register_document", "register_page", "route",
           "years"]
