"""Hostile input: the parsers and the money and date rules hold for any text (hypothesis), and no bad command line
ever prints a traceback or "unexpected error": each is refused with a message naming the field, writing nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from decimal import Decimal

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.cli import main
from workbench.commands.common import bounded_int, host_name, parse_day
from workbench.db import SYSTEM
from workbench.errors import ValidationError
from workbench.models.base import MONEY_LIMIT, money_value
from workbench.services import people
from workbench.services.budget.ledger import money
from workbench.thai import parse_date

TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
NUMBERISH = st.one_of(TEXT, st.from_regex(r"\A[+-]?[0-9,._eE]{1,12}(\.[0-9]{0,4})?\Z"),
                      st.sampled_from(["1e309", "NaN", "-Infinity", "1_000", "๑,๐๐๐.๕๐", "0.001", "²", " 12 "]))


# --- parsers and rules (property tests) ---------------------------------------------------------------------------

@given(NUMBERISH)
def test_money_is_a_plain_decimal_or_refused_naming_the_field(text):
    try:
        amount = money(text)
    except ValidationError as exc:
        assert exc.field == "amount"
        return
    assert isinstance(amount, Decimal) and amount.is_finite()
    assert Decimal("0") < amount < MONEY_LIMIT and amount == amount.quantize(Decimal("0.01"))
    assert re.fullmatch(r"[+]?[0-9,]+(\.[0-9]+)?", text.strip().translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))


@given(NUMBERISH)
def test_money_value_of_a_schema_never_lets_an_odd_number_through(text):
    try:
        amount = money_value(text)
    except ValueError:
        return
    assert amount.is_finite() and abs(amount) < MONEY_LIMIT and "_" not in text and "e" not in text.lower()


@given(st.decimals(allow_nan=True, allow_infinity=True))
def test_money_from_any_decimal_is_refused_or_sane(value):
    try:
        amount = money(value)
    except ValidationError as exc:
        assert exc.field == "amount"
        return
    assert Decimal("0") < amount < MONEY_LIMIT


@given(TEXT)
def test_a_date_is_read_whole_or_refused(text):
    for foreign in (False, True):
        try:
            day = parse_date(text, foreign=foreign)
        except ValueError:
            continue
        assert isinstance(day, dt.date)


# (an ISO year from 2400 on is a B.E. year written the ISO way: refused whatever follows, tests/test_thai_fidelity_dates.py)
@given(st.dates(max_value=dt.date(2399, 12, 31)), st.sampled_from(["", "garbage", "x", "T10:00:00", " 10:00", "T25"]))
def test_an_iso_date_with_anything_after_it_but_a_time_is_refused(day, tail):
    text = day.isoformat() + tail
    if tail in ("", "T10:00:00", " 10:00"):
        assert parse_date(text, foreign=True) == day
    else:
        with pytest.raises(ValueError):
            parse_date(text, foreign=True)


@given(TEXT)
def test_command_line_dates_stay_within_the_years_kept(text):
    import argparse

    try:
        day = parse_day(text)
    except argparse.ArgumentTypeError:
        return
    assert dt.date(1900, 1, 1) <= day <= dt.date(2199, 12, 31)


@given(st.one_of(TEXT, st.integers().map(str)), st.sampled_from(["fy", "port", "visit", "within"]))
def test_command_line_numbers_are_plain_and_in_range(text, name):
    import argparse

    try:
        value = bounded_int(name)(text)
    except argparse.ArgumentTypeError:
        return
    assert -(2**31) < value < 2**31
    if name == "fy":
        assert 2443 <= value <= 2742
    if name == "port":
        assert 1 <= value <= 65535


@given(TEXT)
def test_a_host_is_an_address_or_a_host_name(text):
    import argparse

    try:
        host = host_name(text)
    except argparse.ArgumentTypeError:
        return
    assert " " not in host and host


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=30).map(lambda s: s + "\x00"), st.integers(min_value=1, max_value=100_000))
def test_text_rules_are_one_for_sqlite_and_postgresql(session, nul_text, extra):
    """A NUL or a text longer than its column is refused on both databases, naming the field, writing nothing."""
    from workbench.models.people import Person

    count = sa.select(sa.func.count()).select_from(Person)
    before = session.execute(count).scalar_one()
    too_long = "ก" * (Person.__table__.c.given_name_th.type.length + extra)
    for value in (nul_text, too_long):
        with pytest.raises(ValidationError) as refused:
            people.create_person(session, actor=SYSTEM, data={"family_name_th": "ทดสอบ", "given_name_th": value})
        assert refused.value.field == "given_name_th"
    assert session.execute(count).scalar_one() == before


# --- the command line (fuzz) --------------------------------------------------------------------------------------

BAD = [  # (command line, a word the refusal must contain: the option or field it names)
    ("budget summary --fy 0", "--fy"), ("budget summary --fy 99999999999999999999", "--fy"),
    ("budget summary --fy 2_569", "--fy"), ("budget summary --fy ²", "--fy"), ("budget summary --fy abc", "--fy"),
    ("budget summary --fy 2569 --on 2026-02-30", "--on"), ("budget summary --fy 2569 --on 9999-12-31", "--on"),
    ("visit list --to 9999-12-31", "--to"), ("visit list --from 0001-01-01", "--from"),
    ("visit list --from 2026-10-01garbage", "--from"), ("visit list --status bogus", "Status"),
    ("visit list --direction sideways", "--direction"), ("engagement list --kind nonsense", "Kind"),
    ("meeting list --from 9999-12-31", "--from"), ("calendar export --from 2026-01-01 --to 9999-12-31 --out c.ics",
                                                   "--to"),
    ("budget add-line --fy 2569 --code A1 --name x --category operations --expense-type services --allocated 1e309",
     "Allocated"),
    ("budget add-line --fy 2569 --code A2 --name x --category operations --expense-type services --allocated NaN",
     "Allocated"),
    ("budget add-line --fy 2569 --code A3 --name x --category operations --expense-type services --allocated 1_000",
     "Allocated"),
    ("budget add-line --fy 2569 --code '  ' --name x --category operations --expense-type services --allocated 100",
     "code"),
    ("budget add-line --fy 2569 --code A4 --name '   ' --category operations --expense-type services --allocated 1",
     "name"),
    ("budget add-line --fy 2569 --code A5 --name x --category nonsense --expense-type services --allocated 1",
     "ategory"),
    ("budget entries --fy 2569 --line 9223372036854775808", "9223372036854775808"),
    ("budget pay --fy 2569 --commitment 9223372036854775808 --amount 5 --date 2025-11-01", "--commitment"),
    ("budget pay --fy 2569 --commitment 1 --amount -5 --date 2025-11-01", "mount"),
    ("budget commit --fy 2569 --line NOPE --amount 5 --date 2025-11-01", "ine"),
    ("budget add-line --fy 2569 --code A6 --name x --category operations --expense-type services --allocated 1e5",
     "Allocated"),
    ("budget estimate --country JP --from 2026-12-01 --to 2026-12-05 --travellers a=100000000000000000000",
     "ravellers"),
    ("budget estimate --country JP --from 2026-12-01 --to 2026-12-05 --travellers a=x", "--travellers"),
    ("budget estimate --country ZZ --from 2026-12-01 --to 2026-12-05 --travellers a=1", "ountry"),
    ("serve --port -1", "--port"), ("serve --port 99999", "--port"), ("serve --host 'not a host'", "--host"),
    ("lab --port 0", "--port"), ("trip-report --visit 9223372036854775808 --out x.pdf", "--visit"),
    ("trip-report --visit 999999 --out x.pdf", "isit"),
    ("passport expiring --within 99999999999", "--within"), ("passport expiring --within -5", "--within"),
    ("register list --year 0 --kind incoming", "--year"), ("register list --year 2569 --kind sideways", "--kind"),
    ("register add --kind incoming --subject '   '", "ubject"),
    ("register add --kind incoming --subject 'a\x00b'", "ubject"),
    ("register add --kind incoming --subject " + "x" * 100_000, "ubject"),
    ("register add --kind incoming --subject x --visit-id 9223372036854775808", "--visit-id"),
    ("stats --fy 0 --quarter 1", "--fy"), ("stats --fy 2570 --quarter 5", "--quarter"),
    ("gift list --direction x", "--direction"), ("meeting summary --meeting -1 --out x.pdf", "eeting"),
    ("briefing --engagement 2147483648 --out x.pdf", "--engagement"),
    ("user add 'bad name!' --role viewer --name 'ก ข' --password-stdin", "assword"),
    ("user add bob --role emperor --name x", "--role"),
    ("demo --years 0", "--years"), ("init --seed 1e3", "--seed"),
    ("audit verify --nonsense", "--nonsense"), ("restore missing.wbk", "FILE"),
    ("backup --out /proc/nope/x.wbk", "--out"),
]


@pytest.fixture
def cli_url(engine, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return engine.url.render_as_string(hide_password=False)


def _run(capsys, args: list[str]) -> tuple[int, str]:
    try:
        code = main(args)
    except SystemExit as exit_:
        code = exit_.code
    out = capsys.readouterr()
    return code, out.out + out.err


def _rows(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(sa.text("SELECT COUNT(*) FROM audit_entry")).scalar_one()


def test_every_bad_command_line_is_refused_naming_the_field(cli_url, engine, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(""))
    before = _rows(engine)
    problems = []
    for line, field in BAD:
        code, output = _run(capsys, ["--database", cli_url, *shlex.split(line)])
        if code == 0 or "Traceback" in output or "unexpected error" in output or field not in output:
            problems.append(f"{line[:80]} -> {code}: {output.strip()[:300]}")
    assert problems == []
    assert _rows(engine) == before  # nothing written by any of them
    print(f"{len(BAD)} bad command lines refused")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["budget summary --fy", "visit list --from", "engagement list --to", "passport expiring "
                        "--within", "register list --kind incoming --year", "stats --quarter 1 --fy",
                        "budget entries --fy 2569 --line", "visit list --status", "budget estimate --country JP "
                        "--from 2026-12-01 --to 2026-12-03 --travellers"]),
       st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=30))
def test_no_argument_value_ever_prints_a_traceback(cli_url, capsys, command, value):
    code, output = _run(capsys, ["--database", cli_url, *shlex.split(command), value])
    assert "Traceback" not in output and "unexpected error" not in output
    assert code in (0, 1, 2)
