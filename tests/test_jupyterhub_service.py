"""``workbench serve --hub`` without a browser: it runs only as a service JupyterHub starts (whose variables give
its address and prefix), and never trusts a user name from the environment (tests/test_jupyterhub_browser.py runs
the real Hub)."""

from __future__ import annotations

import pytest

from tests.test_cli import assert_one_line_error, run_cli
from workbench.cli import build_parser, hub_service_address, voila_command
from workbench.errors import WorkbenchError

HUB = {"JUPYTERHUB_SERVICE_URL": "http://127.0.0.1:18866", "JUPYTERHUB_SERVICE_PREFIX": "/services/workbench/"}


def test_serve_hub_outside_jupyterhub_is_refused_in_one_line(tmp_path):
    line = assert_one_line_error(run_cli("serve", "--hub", env={"JUPYTERHUB_USER": "admin"}))

    assert "--hub" in line and "JUPYTERHUB_SERVICE_URL" in line


def test_serve_hub_listens_where_the_hub_expects_it_under_its_prefix(monkeypatch):
    for name, value in HUB.items():
        monkeypatch.setenv(name, value)
    args = build_parser().parse_args(["serve", "--hub", "--port", "9000"])

    hub_service_address(args)
    command = voila_command(args)

    assert (args.host, args.port) == ("127.0.0.1", 18866)
    assert "--port=18866" in command and "--Voila.ip=127.0.0.1" in command
    assert "--Voila.base_url=/services/workbench/" in command and "--WorkbenchVoila.hub_service=True" in command


@pytest.mark.parametrize("url", ["", "https://127.0.0.1:1", "http://127.0.0.1", "not a url"])
def test_a_service_address_the_hub_did_not_give_is_refused(monkeypatch, url):
    monkeypatch.setenv("JUPYTERHUB_SERVICE_URL", url)
    monkeypatch.setenv("JUPYTERHUB_SERVICE_PREFIX", "/services/workbench/")

    with pytest.raises(WorkbenchError) as refused:
        hub_service_address(build_parser().parse_args(["serve", "--hub"]))
    assert refused.value.field == "--hub"

