"""Senate Foreign Affairs Workbench: the Foreign Affairs Office's records, rules and dashboards."""

__version__ = "0.1.0"
