"""CalendarFilters: direction, kind, principal, country, region and status; ``value`` is a CalendarFilter."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from traitlets import Instance

from workbench.i18n import t
from workbench.models.base import Region
from workbench.models.visits import Direction, EngagementKind, EngagementStatus, VisitKind, VisitStatus
from workbench.services.calendar import CalendarFilter
from workbench.ui.choices import Choices

NARROW = {"description_width": "5em"}


def _all(options: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [(t("filter.all"), None), *options]


class CalendarFilters(widgets.VBox):
    """Drop-downs that set ``value`` (a ``services.calendar.CalendarFilter``); the calendar observes it."""

    value = Instance(CalendarFilter)

    def __init__(self, choices: Choices) -> None:
        layout = widgets.Layout(width="16em")
        self.direction = widgets.Dropdown(description=t("filter.direction"), style=NARROW, layout=layout,
                                          options=_all([(t(f"direction.{d.value}"), d.value) for d in Direction]))
        self.kind = widgets.Dropdown(description=t("filter.kind"), style=NARROW, layout=layout, options=_all(
            [(t(f"visit_kind.{k.value}"), k.value) for k in VisitKind]
            + [(t(f"engagement_kind.{k.value}"), k.value) for k in EngagementKind]))
        self.principal = widgets.Dropdown(description=t("filter.principal"), style=NARROW, layout=layout,
                                          options=_all(list(choices.principals)))
        self.country = widgets.Dropdown(description=t("filter.country"), style=NARROW, layout=layout,
                                        options=_all(list(choices.countries)))
        self.region = widgets.Dropdown(description=t("filter.region"), style=NARROW, layout=layout,
                                       options=_all([(t(f"region.{r.value}"), r.value) for r in Region]))
        statuses = [(t(f"visit_status.{s.value}"), s.value) for s in VisitStatus]
        statuses += [(t(f"engagement_status.{s.value}"), s.value) for s in EngagementStatus
                     if s.value not in {v for _, v in statuses}]
        self.status = widgets.Dropdown(description=t("filter.status"), style=NARROW, layout=layout,
                                       options=_all(statuses))
        self.clear_button = widgets.Button(description=t("filter.clear"),
                                           layout=widgets.Layout(width="auto"))
        self.inputs = [self.direction, self.kind, self.principal, self.country, self.region, self.status]
        super().__init__([widgets.HBox([*self.inputs[:3]], layout=widgets.Layout(flex_flow="row wrap")),
                          widgets.HBox([*self.inputs[3:], self.clear_button],
                                       layout=widgets.Layout(flex_flow="row wrap"))])
        self.add_class("wb-calendar-filters")
        self._clearing = False
        for widget in self.inputs:
            widget.observe(lambda _c: self._update(), names="value")
        self.clear_button.on_click(lambda _b: self.reset())
        self.value = CalendarFilter()

    def _update(self) -> None:
        if self._clearing:
            return
        self.value = CalendarFilter(
            direction=self.direction.value, kinds=frozenset({self.kind.value}) if self.kind.value else frozenset(),
            principal_id=self.principal.value, country_id=self.country.value, region=self.region.value,
            statuses=frozenset({self.status.value}) if self.status.value else frozenset())

    def reset(self) -> None:
        self._clearing = True
        try:
            for widget in self.inputs:
                widget.value = None
        finally:
            self._clearing = False
        self._update()
