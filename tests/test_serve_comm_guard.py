"""What the kernel accepts from the browser for each widget (``workbench.ui.comm_guard``), without a browser.

The served check (a real kernel refusing an HTML write over its websocket) is in tests/test_serve_security.py.
"""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from workbench.ui.comm_guard import allowed_keys, guard_comm_msg, guard_comm_open, refusal


def update(**state):
    return {"method": "update", "state": state, "buffer_paths": []}


@pytest.mark.parametrize(("widget", "state"), [
    (widgets.Text(), {"value": "x"}),
    (widgets.Password(), {"value": "secret"}),
    (widgets.Textarea(), {"value": "x"}),
    (widgets.Combobox(options=["a"]), {"value": "a"}),
    (widgets.BoundedIntText(), {"value": 3}),
    (widgets.FloatText(), {"value": 1.5}),
    (widgets.Checkbox(), {"value": True}),
    (widgets.DatePicker(), {"value": {"year": 2026, "month": 10, "date": 25}}),
    (widgets.Dropdown(options=["a", "b"]), {"index": 1}),
    (widgets.SelectMultiple(options=["a", "b"]), {"index": [0, 1]}),
    (widgets.ToggleButtons(options=["a", "b"]), {"index": 1}),
    (widgets.RadioButtons(options=["a", "b"]), {"index": 0}),
    (widgets.FileUpload(), {"value": []}),
    (widgets.Tab(), {"selected_index": 0}),
])
def test_an_input_accepts_what_its_page_sends(widget, state):
    assert refusal(widget, update(**state)) is None


@pytest.mark.parametrize(("widget", "state"), [
    (widgets.HTML(), {"value": "<img src=x onerror=alert(1)>"}),
    (widgets.Label(), {"value": "x"}),
    (widgets.HTMLMath(), {"value": "x"}),
    (widgets.Output(), {"outputs": []}),
    (widgets.VBox(), {"children": []}),
    (widgets.Layout(), {"display": "none"}),
    (widgets.ButtonStyle(), {"button_color": "red"}),
    (widgets.Button(), {"disabled": False}),
    (widgets.Text(), {"disabled": False}),
    (widgets.Text(), {"value": "x", "description": "<b>x</b>"}),
    (widgets.Dropdown(options=["a"]), {"options": ["<script>"]}),
    (widgets.Text(disabled=True), {"value": "x"}),
    (widgets.Dropdown(options=["a", "b"], disabled=True), {"index": 1}),
])
def test_display_only_widgets_other_keys_and_disabled_inputs_refuse_writes(widget, state):
    assert refusal(widget, update(**state)) is not None


def test_only_an_enabled_button_takes_a_click():
    assert refusal(widgets.Button(), {"method": "custom", "content": {"event": "click"}}) is None
    assert refusal(widgets.Button(disabled=True), {"method": "custom", "content": {"event": "click"}})
    assert refusal(widgets.Button(), {"method": "custom", "content": {"event": "other"}})
    assert refusal(widgets.Text(), {"method": "custom", "content": {"event": "submit"}})
    assert refusal(widgets.Text(), {"method": "echo_update", "state": {}})


def test_reading_state_is_allowed_and_an_empty_or_unknown_message_is_not():
    assert refusal(widgets.HTML(), {"method": "request_state"}) is None
    assert refusal(widgets.Text(), update()) is not None
    assert refusal(None, update(value="x")) is not None
    assert refusal(widgets.Text(), "not a dict") is not None
    assert allowed_keys(widgets.Text(disabled=True)) == frozenset()


class _CommManager:
    """The kernel's comm registry as the guard reads it: comm id → comm (the real ipywidgets comms here)."""

    def __init__(self, *found):
        self.comms = {w.comm.comm_id: w.comm for w in found}

    def get_comm(self, comm_id):
        return self.comms.get(comm_id)


def test_the_guarded_handler_passes_allowed_messages_and_drops_the_rest():
    text, html = widgets.Text(), widgets.HTML("safe")
    passed = []
    handler = guard_comm_msg(lambda stream, ident, msg: passed.append(msg["content"]["comm_id"]),
                             _CommManager(text, html))
    for widget, data in ((text, update(value="typed")), (html, update(value="<script>"))):
        handler(None, None, {"content": {"comm_id": widget.model_id, "data": data}})
    assert passed == [text.model_id] and html.value == "safe"
    opened = []
    opener = guard_comm_open(lambda stream, ident, msg: opened.append(msg["content"]["target_name"]))
    for target in ("jupyter.widget", "jupyter.widget.control", "anything"):
        opener(None, None, {"content": {"target_name": target, "comm_id": "x", "data": {}}})
    assert opened == ["jupyter.widget.control"]
