"""The visit calendar dashboard (visits.ipynb) and its widgets: calendar, filters, detail panels, forms."""
