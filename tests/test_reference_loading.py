"""Loading reference data: every country and organisation arrives; loading twice changes nothing."""

from __future__ import annotations

import shutil

import pytest
from sqlmodel import func, select

from workbench.config import PROJECT_ROOT
from workbench.db import SYSTEM
from workbench.errors import ValidationError
from workbench.models.audit import AuditEntry
from workbench.models.countries import Country
from workbench.models.people import Organization, Post
from workbench.reference import load_reference_data

DATA = PROJECT_ROOT / "data"


def count(session, model):
    return session.exec(select(func.count()).select_from(model)).one()


def test_reference_data_is_loaded_by_init(session):
    assert count(session, Country) == 249
    thailand = session.exec(select(Country).where(Country.iso2 == "TH")).one()
    assert (thailand.name_th, thailand.region) == ("ไทย", "asia")
    ipu = session.exec(select(Organization).where(Organization.abbreviation == "IPU")).one()
    assert ipu.name_th
    president = session.exec(select(Post).where(Post.code == "senate-president")).one()
    assert president.precedence == 1 and president.single_holder


def test_loading_twice_changes_nothing_and_audits_nothing(session):
    audit_before = count(session, AuditEntry)
    report = load_reference_data(session, data_dir=DATA, actor=SYSTEM)
    assert report.changed == 0
    assert report.counts["country"]["unchanged"] == 249
    assert count(session, AuditEntry) == audit_before


def test_an_edited_value_is_updated_in_place(session, tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "countries.csv"
    path.write_text(path.read_text("utf-8").replace(",ไทย,", ",ราชอาณาจักรไทย,"), "utf-8")
    report = load_reference_data(session, data_dir=tmp_path / "data", actor=SYSTEM)
    assert report.counts["country"]["updated"] == 1
    assert session.exec(select(Country).where(Country.iso2 == "TH")).one().name_th == "ราชอาณาจักรไทย"


def test_a_bad_row_loads_nothing_at_all(session, tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    countries = tmp_path / "data" / "countries.csv"
    countries.write_text(countries.read_text("utf-8").replace(",ไทย,", ",สยาม,"), "utf-8")
    posts = tmp_path / "data" / "posts.csv"
    posts.write_text(posts.read_text("utf-8") + "bad-post,no-such-org,ผิด,Wrong,5,true,x,2026-01-01,\n", "utf-8")
    with pytest.raises(ValidationError, match="no-such-org"):
        load_reference_data(session, data_dir=tmp_path / "data", actor=SYSTEM)
    session.rollback()
    assert session.exec(select(Country).where(Country.iso2 == "TH")).one().name_th == "ไทย"
