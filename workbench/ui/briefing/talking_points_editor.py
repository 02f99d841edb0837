"""TalkingPointsEditor: choose and reword the talking points of a briefing pack, and add remarks.

It only collects: ``points()`` gives the points as edited (the service decides what may be saved). Every piece of
text stays text (Labels and Textareas). ``on_change`` is called after any edit.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
from traitlets import Int

from workbench.i18n import t
from workbench.services.briefing import PackPoint, show_date


class PointRow(widgets.VBox):
    """One talking point: include it or not, its topic and flags, and its wording."""

    def __init__(self, point: PackPoint, lang: str) -> None:
        self.point = point
        self.include = widgets.Checkbox(value=point.selected, description=t("brief.ui.include"), indent=False,
                                        layout=widgets.Layout(width="auto"))
        flags = []
        if point.classification:
            flags.append(t(f"clearance.{point.classification}"))
        flags.append(t("brief.ui.approved") if point.approved else t("brief.ui.not_approved"))
        if point.valid_until:
            flags.append(t("brief.ui.valid_until", day=show_date(point.valid_until, lang)))
        self.topic = widgets.Label(point.topic)
        self.flags = widgets.Label(" · ".join(flags))
        self.flags.add_class("wb-point-flags")
        self.text = widgets.Textarea(value=point.text, continuous_update=False,
                                     layout=widgets.Layout(width="100%", height="5em"))
        super().__init__([widgets.HBox([self.include, self.topic, self.flags]), self.text])
        self.add_class("wb-point")

    def edited(self) -> PackPoint:
        from dataclasses import replace

        return replace(self.point, selected=self.include.value, text=self.text.value)


class TalkingPointsEditor(widgets.VBox):
    """Public state: ``selected_count`` (how many points are included). Children: ``rows``, ``remarks``."""

    selected_count = Int(0)

    def __init__(self, *, on_change: Callable[[], None] | None = None, lang: str = "th") -> None:
        self.on_change = on_change
        self.lang = lang
        self.heading = widgets.HTML(f"<h3>{t('brief.section.talking_points')}</h3>")
        self.rows_box = widgets.VBox()
        self.rows: list[PointRow] = []
        self.remarks = widgets.Textarea(description=t("field.remarks"), continuous_update=False,
                                        layout=widgets.Layout(width="100%", height="4em"))
        self.empty = widgets.Label(t("brief.ui.no_points"))
        super().__init__([self.heading, self.rows_box, self.remarks])
        self.add_class("wb-points-editor")
        self.remarks.observe(self._changed, names="value")

    def load(self, points: list[PackPoint], remarks: str = "") -> None:
        self.rows = [PointRow(point, self.lang) for point in points]
        for row in self.rows:
            row.include.observe(self._changed, names="value")
            row.text.observe(self._changed, names="value")
        self.rows_box.children = self.rows or [self.empty]
        with self.hold_trait_notifications():
            self.remarks.unobserve(self._changed, names="value")
            self.remarks.value = remarks
            self.remarks.observe(self._changed, names="value")
        self.selected_count = sum(1 for row in self.rows if row.include.value)

    def points(self) -> list[PackPoint]:
        return [row.edited() for row in self.rows]

    def _changed(self, _change: dict) -> None:
        self.selected_count = sum(1 for row in self.rows if row.include.value)
        if self.on_change is not None:
            self.on_change()

    def reset(self) -> None:
        self.load([], "")
