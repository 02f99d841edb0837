"""The home page: what the workbench is, the state of its database, and the dashboards open to the user."""

from __future__ import annotations

import ipywidgets as widgets
from sqlalchemy.engine import Engine

from workbench.i18n import t
from workbench.services.status import database_status


class HomePage(widgets.VBox):
    """Title, office, database state and record counts. Reads only; writes nothing."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.title = widgets.HTML(f"<h2>{_escape(t('app.title'))}</h2>")
        self.office = widgets.Label(t("app.office"))
        self.status = widgets.VBox()
        super().__init__([self.title, self.office, self.status])
        self.add_class("wb-home")
        self.refresh()

    def refresh(self) -> None:
        status = database_status(self.engine)
        rows = [widgets.Label(f"{t('home.database')}: {status.url}")]
        if not status.initialised:
            rows.append(widgets.Label(t("home.not_initialised")))
        else:
            rows.append(widgets.Label(f"{t('home.schema')}: {status.revision}"))
            rows += [widgets.Label(f"{t('count.' + table)}: {count:,}") for table, count in status.counts.items()]
        self.status.children = rows


def _escape(text: str) -> str:
    import html

    return html.escape(text)
