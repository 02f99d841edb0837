"""ipywidgets for notebooks and Voila dashboards: they collect and display; services decide.

Nothing here writes SQL or decides a rule. One composite widget per module.
"""
