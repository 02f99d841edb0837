"""The budget dashboard (budget.ipynb) and its widgets: figures per line, chart, forecast, estimator, entries."""
