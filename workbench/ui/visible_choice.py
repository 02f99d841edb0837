"""Drop-downs that always show what they hold: never a blank ``<select>`` (``selectedIndex = -1``).

ipywidgets leaves a ``Dropdown`` with no selection (``index`` None) when its options are given after it was made,
or when ``value`` is set to None and None is not one of its options; the browser then draws an empty box, though
the form means "ทั้งหมด" or its default. ``keep_visible(dropdown)`` selects, whenever that happens, the option
whose value is None (the "all" / "none" choice) if there is one, else the first option — what a plain HTML
select shows, and the value then matches what is on screen. ``install()`` (called by ``dashboard_app``) applies it
to every drop-down the dashboard makes, through ipywidgets' documented ``Widget.on_widget_constructed`` hook.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

_installed = False


def _default_index(dropdown: widgets.Dropdown) -> int | None:
    values = [option[1] if isinstance(option, tuple) else option for option in dropdown.options]
    if not values:
        return None
    return values.index(None) if None in values else 0


def _fill(dropdown: widgets.Dropdown) -> None:
    if dropdown.index is None and dropdown.options:
        dropdown.index = _default_index(dropdown)


def keep_visible(dropdown: widgets.Dropdown) -> widgets.Dropdown:
    """``dropdown``, from now on never without a selection while it has options."""
    if not getattr(dropdown, "_wb_keeps_visible", False):
        dropdown._wb_keeps_visible = True
        dropdown.observe(lambda _change: _fill(dropdown), names=["index", "options"])
        _fill(dropdown)
    return dropdown


def _constructed(widget: Any) -> None:
    if isinstance(widget, widgets.Dropdown):
        keep_visible(widget)


def install() -> None:
    """Every drop-down made from now on in this kernel keeps a visible selection (once per kernel)."""
    global _installed
    if not _installed:
        widgets.Widget.on_widget_constructed(_constructed)
        _installed = True
