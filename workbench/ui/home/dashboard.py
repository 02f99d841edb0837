"""The home page: the dashboards the signed-in user may open, a line on each, and the state of the database."""

from __future__ import annotations

import html

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Unicode

from workbench import registry
from workbench.i18n import t
from workbench.services.access import has_permission
from workbench.services.status import database_status
from workbench.ui.search_box import SearchBox


class HomePage(widgets.VBox):
    """Reads only; writes nothing. Clicking "open" sets ``requested`` to the dashboard's name, or for a search hit
    to ``name?open=kind:id`` (the app shell then moves the browser there and the dashboard opens that record)."""

    requested = Unicode("")

    def __init__(self, engine: Engine, user: object) -> None:
        self.engine = engine
        self.user = user
        self.title = widgets.HTML(f"<h2>{html.escape(t('app.title'))}</h2>")
        self.office = widgets.Label(t("app.office"))
        self.list_heading = widgets.HTML(f"<h3>{html.escape(t('home.dashboards'))}</h3>")
        self.entries = widgets.VBox()
        self.status = widgets.VBox()
        self.search = SearchBox(engine, user, on_open=self._request)
        super().__init__([self.title, self.office, self.search, self.list_heading, self.entries, self.status])
        self.add_class("wb-home")
        self.refresh()

    def refresh(self) -> None:
        shown = [d for d in registry.open_to(self.user) if d.name != registry.HOME]
        self.entries.children = [self._entry(d) for d in shown] or [widgets.Label(t("home.none"))]
        status = database_status(self.engine)
        rows = []
        if has_permission(self.user, "audit.read"):
            rows.append(widgets.Label(f"{t('home.database')}: {status.url}"))
        if not status.initialised:
            rows.append(widgets.Label(t("home.not_initialised")))
        else:
            rows.append(widgets.Label(f"{t('home.counts')}: " + " · ".join(
                f"{t('count.' + table)} {count:,}" for table, count in status.counts.items())))
        self.status.children = rows

    def _entry(self, dashboard: registry.Dashboard) -> widgets.Widget:
        button = widgets.Button(description=t("home.open"), tooltip=t(dashboard.title_key))
        button.on_click(lambda _b, name=dashboard.name: self._request(name))
        title = widgets.HTML(f"<b>{html.escape(t(dashboard.title_key))}</b>")
        about = widgets.Label(t(dashboard.description_key))
        box = widgets.HBox([button, widgets.VBox([title, about])], layout=widgets.Layout(align_items="center"))
        box.add_class(f"wb-dashboard-{dashboard.name}")
        return box

    def _request(self, name: str, target: str = "") -> None:
        """Ask the shell to open dashboard ``name`` (and in it the record ``target``, ``kind:id``)."""
        self.requested = ""
        self.requested = f"{name}?open={target}" if target else name
