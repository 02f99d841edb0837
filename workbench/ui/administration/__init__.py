"""The administration dashboard (``dashboards/administration.ipynb``): staff, stock and gifts with their forms,
the quarter's statistics with charts and the quarterly report, low-stock and unreported-gift warnings."""
