"""DelegationPanel: the Thai delegation of a meeting (kept on its outbound visit) and the office's observers;
add a delegate with a role, or an observer."""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets

from workbench.i18n import t
from workbench.models.visits import MemberRole
from workbench.ui.choices import Choices
from workbench.ui.interparliamentary.tables import html_table
from workbench.ui.person_picker import PersonPicker

ROLES = (MemberRole.HEAD, MemberRole.MEMBER, MemberRole.ADVISER, MemberRole.SECRETARY, MemberRole.INTERPRETER,
         MemberRole.LIAISON)


class DelegationPanel(widgets.VBox):
    """``load()`` returns ``(delegates, observers)`` as lists of (name, role) and names;
    ``add_delegate(person_id, role)`` and ``add_observer(person_id)`` save (and raise on bad input)."""

    def __init__(self, choices: Choices, *, load: Callable[[], tuple[list[tuple[str, str]], list[str]]],
                 add_delegate: Callable[[int, str], None], add_observer: Callable[[int], None],
                 on_saved: Callable[[str], None] | None = None) -> None:
        self._load, self._add_delegate, self._add_observer = load, add_delegate, add_observer
        self._on_saved = on_saved or (lambda _m: None)
        self.table = widgets.HTML()
        self.delegate = PersonPicker(t("ip.delegate"), search=choices.search_people, names=choices.person_labels,
                                     multiple=False)
        self.role = widgets.Dropdown(description=t("ip.role"), options=[(t(f"member_role.{r.value}"), r.value) for r in ROLES])
        self.add_delegate_button = widgets.Button(description=t("ip.add_delegate"), button_style="primary",
                                                  layout=widgets.Layout(width="auto"))
        self.observer = PersonPicker(t("ip.observer"), search=choices.search_people, names=choices.person_labels,
                                     multiple=False)
        self.add_observer_button = widgets.Button(description=t("ip.add_observer"), layout=widgets.Layout(width="auto"))
        self.role.add_class("wb-ip-role")
        self.add_delegate_button.on_click(lambda _b: self.save_delegate())
        self.add_observer_button.on_click(lambda _b: self.save_observer())
        # an add button is enabled only once the kernel holds the person chosen, so a click can never race the
        # choice (a browser's click waits for the button to be enabled), and the chosen name is echoed beside it
        self.delegate_chosen = widgets.HTML()
        self.delegate_chosen.add_class("wb-ip-delegate-chosen")
        self.observer_chosen = widgets.HTML()
        self.observer_chosen.add_class("wb-ip-observer-chosen")
        for picker in (self.delegate, self.observer):
            picker.observe(lambda _c: self._chosen(), names="value")
        super().__init__([widgets.HTML(f"<h4>{t('ip_doc.delegation')}</h4>"), self.table,
                          widgets.HBox([self.delegate, widgets.VBox([self.role, self.delegate_chosen,
                                                                     self.add_delegate_button])]),
                          widgets.HBox([self.observer, widgets.VBox([self.observer_chosen, self.add_observer_button])])])
        self.add_class("wb-ip-delegation")
        self._chosen()
        self.refresh()

    def _chosen(self) -> None:
        for picker, label, button in ((self.delegate, self.delegate_chosen, self.add_delegate_button),
                                      (self.observer, self.observer_chosen, self.add_observer_button)):
            names = dict((v, n) for n, v in picker.choices.options if v is not None)
            chosen = names.get(picker.value[0], "") if picker.value else ""
            label.value = f"<span>{html.escape(t('ip.chosen', name=chosen))}</span>" if chosen else ""
            button.disabled = not chosen

    def refresh(self) -> None:
        delegates, observers = self._load()
        rows = [[name, t(f"member_role.{role}")] for name, role in delegates]
        rows += [[name, t("ip.observer")] for name in observers]
        self.table.value = html_table([t("ip.col.person"), t("ip.role")], rows, css_class="wb-ip-delegation-table")

    def save_delegate(self) -> None:
        if not self.delegate.value:
            from workbench.services.common import field_error

            raise field_error("person_id", "ต้องเลือกบุคคล", "choose a person")
        self._add_delegate(self.delegate.value[0], self.role.value)
        self.delegate.reset()
        self.refresh()
        self._on_saved(t("ip.saved_delegate"))

    def save_observer(self) -> None:
        if not self.observer.value:
            from workbench.services.common import field_error

            raise field_error("person_id", "ต้องเลือกบุคคล", "choose a person")
        self._add_observer(self.observer.value[0])
        self.observer.reset()
        self.refresh()
        self._on_saved(t("ip.saved_observer"))

    def reset(self) -> None:
        self.delegate.reset()
        self.observer.reset()
        self.refresh()
