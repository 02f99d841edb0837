"""Widgets of the documents of a visit (programme, trip report, seating plan and place cards), mounted in the
visits dashboard's visit and engagement detail panels."""
