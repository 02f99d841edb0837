"""Budget ledger: available = allocated − committed − disbursed, allotments, refusals with figures, fiscal-year
boundaries, reversing corrections and transfers. Every expected figure is computed by hand in the test."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.budget_helpers import D, figures, make_line, officer
from tests.factories import make_person, make_user
from workbench.errors import NotFound, PermissionDenied, ValidationError
from workbench.models.audit import AuditEntry
from workbench.models.base import Clearance
from workbench.models.budget import Allotment, Commitment, Disbursement, Transfer
from workbench.models.users import Role
from workbench.services import budget
from workbench.services.budget import Overspend

OCT1, NOV1, DEC15, JAN2 = dt.date(2025, 10, 1), dt.date(2025, 11, 1), dt.date(2025, 12, 15), dt.date(2026, 1, 2)


@pytest.fixture
def actor(session):
    return officer(session)


def commit(session, actor, line, amount, day=NOV1, **extra):
    return budget.post_commitment(session, actor=actor, data={
        "line_id": line.id, "entry_date": day, "amount": amount, "description": "ค่าเดินทาง", **extra})


def pay(session, actor, amount, day=NOV1, *, line=None, commitment=None):
    return budget.disburse(session, actor=actor, data={
        "line_id": line.id if line else None, "commitment_id": commitment.id if commitment else None,
        "entry_date": day, "amount": amount})


# --- figures ---------------------------------------------------------------------------------------------------

def test_available_is_allocated_minus_committed_minus_disbursed(session, actor):
    line = make_line(session, actor, allocated="500000.00", allot="250000.00")
    c = commit(session, actor, line, "120000.50")
    pay(session, actor, "20000.25", line=line)
    pay(session, actor, "100000.00", commitment=c)
    # committed 120,000.50 − 100,000.00 released = 20,000.50; disbursed 20,000.25 + 100,000.00 = 120,000.25
    assert figures(session, line, actor) == (D("500000.00"), D("250000.00"), D("20000.50"), D("120000.25"),
                                             D("359999.25"))


def test_a_disbursement_against_a_commitment_releases_it_and_leaves_available_unchanged(session, actor):
    line = make_line(session, actor, allocated="500000.00", allot="500000.00")
    c = commit(session, actor, line, "80000.00")
    before = figures(session, line, actor)[4]
    pay(session, actor, "30000.00", commitment=c)
    assert figures(session, line, actor)[2:] == (D("50000.00"), D("30000.00"), before)
    assert before == D("420000.00")


def test_allotted_so_far_counts_only_allotments_up_to_the_day(session, actor):
    line = make_line(session, actor, allocated="400000.00", allot="100000.00")
    budget.add_allotment(session, actor=actor, data={"line_id": line.id, "period_no": 2,
                                                     "entry_date": dt.date(2026, 1, 1), "amount": "100000.00"})
    assert budget.line_figures(session, line_id=line.id, actor=actor, on=DEC15).allotted == D("100000.00")
    assert budget.line_figures(session, line_id=line.id, actor=actor, on=JAN2).allotted == D("200000.00")


# --- refusals carry the figures --------------------------------------------------------------------------------

def test_a_commitment_beyond_available_is_refused_with_the_figures(session, actor):
    line = make_line(session, actor, allocated="100000.00", allot="100000.00", code="6701")
    commit(session, actor, line, "60000.00")
    pay(session, actor, "30000.00", line=line)
    with pytest.raises(Overspend) as refused:
        commit(session, actor, line, "10000.01")
    assert refused.value.field == "amount"
    for text in ("10,000.01", "6701", "100,000.00", "60,000.00", "30,000.00", "10,000.00"):
        assert text in refused.value.th and text in refused.value.en
    assert "คงเหลือ" in refused.value.th and "available" in refused.value.en
    assert len(session.exec(select(Commitment).where(Commitment.line_id == line.id)).all()) == 1


def test_exactly_what_is_available_may_be_committed(session, actor):
    line = make_line(session, actor, allocated="100000.00", allot="100000.00")
    commit(session, actor, line, "99999.99")
    commit(session, actor, line, "0.01")
    assert figures(session, line, actor)[4] == D("0.00")


def test_a_commitment_beyond_what_is_allotted_by_its_date_is_refused(session, actor):
    line = make_line(session, actor, allocated="400000.00", allot="100000.00")
    budget.add_allotment(session, actor=actor, data={"line_id": line.id, "period_no": 2,
                                                     "entry_date": dt.date(2026, 1, 1), "amount": "100000.00"})
    with pytest.raises(Overspend) as refused:
        commit(session, actor, line, "150000.00", DEC15)
    assert "100,000.00" in refused.value.en and "150,000.00" in refused.value.en
    assert "15 ธันวาคม 2568" in refused.value.th
    assert commit(session, actor, line, "150000.00", JAN2).amount == D("150000.00")


def test_a_backdated_commitment_may_not_spend_money_a_later_entry_already_uses(session, actor):
    line = make_line(session, actor, allocated="400000.00", allot="100000.00")
    commit(session, actor, line, "80000.00", NOV1)
    with pytest.raises(Overspend) as refused:
        commit(session, actor, line, "30000.00", dt.date(2025, 10, 15))
    assert "1 พฤศจิกายน 2568" in refused.value.th and "20,000.00" in refused.value.en


def test_a_direct_disbursement_beyond_available_is_refused(session, actor):
    line = make_line(session, actor, allocated="1000.00", allot="1000.00")
    with pytest.raises(Overspend) as refused:
        pay(session, actor, "1000.01", line=line)
    assert "1,000.01" in refused.value.en and "1,000.00" in refused.value.en


def test_a_disbursement_beyond_what_remains_of_its_commitment_is_refused(session, actor):
    line = make_line(session, actor, allot="500000.00")
    c = commit(session, actor, line, "50000.00")
    pay(session, actor, "45000.00", commitment=c)
    with pytest.raises(Overspend) as refused:
        pay(session, actor, "5000.01", commitment=c)
    assert "5,000.01" in refused.value.en and "5,000.00" in refused.value.en and str(c.id) in refused.value.en


def test_allotments_may_not_exceed_the_allocation(session, actor):
    line = make_line(session, actor, allocated="300000.00", allot="200000.00")
    with pytest.raises(Overspend) as refused:
        budget.add_allotment(session, actor=actor, data={"line_id": line.id, "period_no": 2,
                                                         "entry_date": JAN2, "amount": "100000.01"})
    assert "100,000.00" in refused.value.en and "300,000.00" in refused.value.en


# --- amounts ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("amount", ["0", "-5.00", "10.005", "abc", 12.5], ids=str)
def test_amounts_must_be_positive_with_satang_precision_and_never_float(session, actor, amount):
    line = make_line(session, actor, allot="1000.00")
    with pytest.raises(ValidationError) as refused:
        commit(session, actor, line, amount)
    assert refused.value.field == "amount" and refused.value.field_th == "จำนวนเงิน"
    assert session.exec(select(Commitment)).all() == []


def test_amounts_may_be_typed_with_commas_and_thai_digits(session, actor):
    line = make_line(session, actor, allot="5000.00")
    assert commit(session, actor, line, "1,234.50").amount == D("1234.50")
    assert commit(session, actor, line, "๑,๐๐๐.๒๕").amount == D("1000.25")


# --- fiscal-year boundaries ------------------------------------------------------------------------------------

@pytest.mark.parametrize("day", [dt.date(2025, 10, 1), dt.date(2026, 9, 30)])
def test_entries_on_the_first_and_last_day_of_the_fiscal_year_are_accepted(session, actor, day):
    line = make_line(session, actor, allot="1000.00")
    assert commit(session, actor, line, "100.00", day).entry_date == day
    assert pay(session, actor, "50.00", day, line=line).entry_date == day


@pytest.mark.parametrize("day", [dt.date(2025, 9, 30), dt.date(2026, 10, 1)])
def test_entries_outside_the_fiscal_year_are_refused(session, actor, day):
    line = make_line(session, actor, allot="1000.00")
    with pytest.raises(ValidationError) as refused:
        commit(session, actor, line, "100.00", day)
    assert refused.value.field == "entry_date" and "2569" in refused.value.th
    with pytest.raises(ValidationError):
        pay(session, actor, "100.00", day, line=line)


def test_an_allotment_dated_30_september_is_not_counted_in_the_next_year(session, actor):
    line = make_line(session, actor, fiscal_year=2570, allocated="1000.00")
    with pytest.raises(ValidationError) as refused:
        budget.add_allotment(session, actor=actor, data={"line_id": line.id, "period_no": 1,
                                                         "entry_date": dt.date(2026, 9, 30), "amount": "1000.00"})
    assert refused.value.field == "entry_date"
    budget.add_allotment(session, actor=actor, data={"line_id": line.id, "period_no": 1,
                                                     "entry_date": dt.date(2026, 10, 1), "amount": "1000.00"})
    assert figures(session, line, actor)[1] == D("1000.00")


# --- reversing corrections -------------------------------------------------------------------------------------

def test_a_disbursement_is_corrected_by_a_linked_reversing_entry_and_never_edited(session, actor):
    line = make_line(session, actor, allocated="10000.00", allot="10000.00")
    paid = pay(session, actor, "2500.00", line=line)
    reversal = budget.reverse_disbursement(session, actor=actor, disbursement_id=paid.id, entry_date=DEC15,
                                           reason="จ่ายซ้ำ")
    assert (reversal.amount, reversal.reverses_id, reversal.description) == (D("-2500.00"), paid.id, "จ่ายซ้ำ")
    stored = session.get(Disbursement, paid.id)
    session.refresh(stored)
    assert (stored.amount, stored.entry_date, stored.reverses_id) == (D("2500.00"), NOV1, None)
    assert figures(session, line, actor)[3:] == (D("0.00"), D("10000.00"))


def test_an_entry_is_reversed_only_once_and_a_reversal_is_not_reversed(session, actor):
    line = make_line(session, actor, allot="10000.00")
    paid = pay(session, actor, "100.00", line=line)
    reversal = budget.reverse_disbursement(session, actor=actor, disbursement_id=paid.id, entry_date=NOV1, reason="x")
    with pytest.raises(ValidationError, match="already been reversed"):
        budget.reverse_disbursement(session, actor=actor, disbursement_id=paid.id, entry_date=NOV1, reason="x")
    with pytest.raises(ValidationError, match="itself a reversal"):
        budget.reverse_disbursement(session, actor=actor, disbursement_id=reversal.id, entry_date=NOV1, reason="x")


def test_reversing_a_payment_against_a_commitment_restores_the_commitment(session, actor):
    line = make_line(session, actor, allocated="10000.00", allot="10000.00")
    c = commit(session, actor, line, "4000.00")
    paid = pay(session, actor, "1500.00", commitment=c)
    budget.reverse_disbursement(session, actor=actor, disbursement_id=paid.id, entry_date=DEC15, reason="ผิดงวด")
    assert figures(session, line, actor)[2:] == (D("4000.00"), D("0.00"), D("6000.00"))


def test_what_remains_of_a_commitment_is_released_by_a_reversal(session, actor):
    line = make_line(session, actor, allocated="10000.00", allot="10000.00")
    c = commit(session, actor, line, "4000.00")
    pay(session, actor, "3200.00", commitment=c)
    release = budget.reverse_commitment(session, actor=actor, commitment_id=c.id, entry_date=DEC15,
                                        reason="เดินทางเสร็จสิ้น ค่าใช้จ่ายต่ำกว่าที่ผูกพัน")
    assert (release.amount, release.reverses_id) == (D("-800.00"), c.id)
    assert figures(session, line, actor)[2:] == (D("0.00"), D("3200.00"), D("6800.00"))


def test_more_than_what_remains_of_a_commitment_cannot_be_reversed(session, actor):
    line = make_line(session, actor, allot="10000.00")
    c = commit(session, actor, line, "4000.00")
    pay(session, actor, "3000.00", commitment=c)
    with pytest.raises(Overspend) as refused:
        budget.reverse_commitment(session, actor=actor, commitment_id=c.id, entry_date=DEC15, reason="x",
                                  amount="1000.01")
    assert "1,000.00" in refused.value.en


def test_a_correction_needs_a_reason_and_cannot_predate_the_entry(session, actor):
    line = make_line(session, actor, allot="10000.00")
    paid = pay(session, actor, "100.00", DEC15, line=line)
    with pytest.raises(ValidationError) as no_reason:
        budget.reverse_disbursement(session, actor=actor, disbursement_id=paid.id, entry_date=DEC15, reason=" ")
    assert no_reason.value.field == "reason"
    with pytest.raises(ValidationError) as early:
        budget.reverse_disbursement(session, actor=actor, disbursement_id=paid.id, entry_date=NOV1, reason="x")
    assert early.value.field == "entry_date"


def test_an_allotment_whose_money_is_used_cannot_be_withdrawn(session, actor):
    line = make_line(session, actor, allocated="10000.00", allot="6000.00")
    allotment = session.exec(select(Allotment).where(Allotment.line_id == line.id)).one()
    commit(session, actor, line, "5000.00")
    with pytest.raises(Overspend) as refused:
        budget.reverse_allotment(session, actor=actor, allotment_id=allotment.id, entry_date=DEC15, reason="x")
    assert "1,000.00" in refused.value.en


# --- transfers -------------------------------------------------------------------------------------------------

def test_a_transfer_moves_allocated_and_allotted_money_between_lines(session, actor):
    source = make_line(session, actor, allocated="100000.00", allot="60000.00")
    target = make_line(session, actor, allocated="50000.00", allot="50000.00")
    approver = make_person(session)
    budget.transfer(session, actor=actor, data={"from_line_id": source.id, "to_line_id": target.id,
                                                "amount": "25000.00", "approver_id": approver.id, "entry_date": NOV1})
    assert figures(session, source, actor) == (D("75000.00"), D("35000.00"), D("0.00"), D("0.00"), D("75000.00"))
    assert figures(session, target, actor) == (D("75000.00"), D("75000.00"), D("0.00"), D("0.00"), D("75000.00"))


def test_a_transfer_needs_an_approver(session, actor):
    source, target = make_line(session, actor, allot="1000.00"), make_line(session, actor)
    with pytest.raises(ValidationError) as refused:
        budget.transfer(session, actor=actor, data={"from_line_id": source.id, "to_line_id": target.id,
                                                    "amount": "100.00", "entry_date": NOV1})
    assert refused.value.field == "approver_id" and refused.value.field_th == "ผู้อนุมัติ"


def test_a_transfer_cannot_make_the_source_negative(session, actor):
    source = make_line(session, actor, allocated="10000.00", allot="10000.00")
    target = make_line(session, actor)
    commit(session, actor, source, "9000.00")
    with pytest.raises(Overspend) as refused:
        budget.transfer(session, actor=actor, data={"from_line_id": source.id, "to_line_id": target.id,
                                                    "amount": "1000.01", "approver_id": make_person(session).id,
                                                    "entry_date": NOV1})
    assert "1,000.00" in refused.value.en and "9,000.00" in refused.value.en
    assert session.exec(select(Transfer)).all() == []


def test_a_transfer_stays_inside_one_fiscal_year(session, actor):
    source = make_line(session, actor, allot="1000.00")
    target = make_line(session, actor, fiscal_year=2570)
    with pytest.raises(ValidationError) as refused:
        budget.transfer(session, actor=actor, data={"from_line_id": source.id, "to_line_id": target.id,
                                                    "amount": "100.00", "approver_id": make_person(session).id,
                                                    "entry_date": NOV1})
    assert refused.value.field == "to_line_id"


def test_a_transfer_cannot_be_reversed_once_the_target_has_used_the_money(session, actor):
    source = make_line(session, actor, allocated="10000.00", allot="10000.00")
    target = make_line(session, actor, allocated="1.00", allot="1.00")
    approver = make_person(session)
    moved = budget.transfer(session, actor=actor, data={"from_line_id": source.id, "to_line_id": target.id,
                                                        "amount": "4000.00", "approver_id": approver.id,
                                                        "entry_date": NOV1})
    commit(session, actor, target, "3000.00")
    with pytest.raises(Overspend) as refused:
        budget.reverse_transfer(session, actor=actor, transfer_id=moved.id, entry_date=DEC15, reason="x",
                                approver_id=approver.id)
    assert "1,001.00" in refused.value.en  # 4,001.00 allocated − 3,000.00 committed


def test_a_reversed_transfer_gives_the_money_back(session, actor):
    source = make_line(session, actor, allocated="10000.00", allot="10000.00")
    target = make_line(session, actor, allocated="1.00", allot="1.00")
    approver = make_person(session)
    moved = budget.transfer(session, actor=actor, data={"from_line_id": source.id, "to_line_id": target.id,
                                                        "amount": "500.00", "approver_id": approver.id,
                                                        "entry_date": NOV1})
    reversal = budget.reverse_transfer(session, actor=actor, transfer_id=moved.id, entry_date=DEC15,
                                       reason="โอนผิดรายการ", approver_id=approver.id)
    assert (reversal.amount, reversal.reverses_id) == (D("-500.00"), moved.id)
    assert figures(session, source, actor)[0] == D("10000.00") and figures(session, target, actor)[0] == D("1.00")


# --- drafts ----------------------------------------------------------------------------------------------------

def test_a_draft_commitment_is_not_counted_until_posted(session, actor):
    line = make_line(session, actor, allocated="10000.00", allot="10000.00")
    draft = budget.post_commitment(session, actor=actor, draft=True, data={
        "line_id": line.id, "entry_date": NOV1, "amount": "7000.00"})
    assert figures(session, line, actor)[4] == D("10000.00")
    budget.post_draft(session, actor=actor, commitment_id=draft.id)
    assert figures(session, line, actor)[4] == D("3000.00")


def test_a_draft_is_checked_again_when_posted(session, actor):
    line = make_line(session, actor, allocated="10000.00", allot="10000.00")
    draft = budget.post_commitment(session, actor=actor, draft=True, data={
        "line_id": line.id, "entry_date": NOV1, "amount": "7000.00"})
    commit(session, actor, line, "5000.00")
    with pytest.raises(Overspend):
        budget.post_draft(session, actor=actor, commitment_id=draft.id)
    assert budget.discard_draft(session, actor=actor, commitment_id=draft.id).status == "discarded"
    assert figures(session, line, actor)[4] == D("5000.00")


# --- who may do what -------------------------------------------------------------------------------------------

def test_only_administration_officers_and_administrators_write(session, actor):
    line = make_line(session, actor, allot="1000.00")
    for role in (Role.VIEWER, Role.PROTOCOL_OFFICER, Role.ANALYST):
        with pytest.raises(PermissionDenied):
            commit(session, make_user(session, role=role), line, "1.00")
    commit(session, make_user(session, role=Role.ADMINISTRATOR), line, "1.00")
    viewer = make_user(session, role=Role.VIEWER)
    assert budget.line_figures(session, line_id=line.id, actor=viewer).committed == D("1.00")


def test_a_classified_line_is_hidden_from_those_without_clearance(session, actor):
    secret = make_line(session, actor, classification=Clearance.SECRET)
    make_line(session, actor)
    viewer = make_user(session, role=Role.VIEWER)
    assert secret.id not in [line.id for line in budget.list_lines(session, fiscal_year=2569, actor=viewer)]
    with pytest.raises(NotFound):
        budget.line_figures(session, line_id=secret.id, actor=viewer)
    cleared = make_user(session, role=Role.VIEWER, clearance=Clearance.SECRET)
    assert budget.line_figures(session, line_id=secret.id, actor=cleared).allocated == D("500000.00")


def test_every_write_is_audited_with_its_actor(session, actor):
    line = make_line(session, actor, allot="1000.00")
    c = commit(session, actor, line, "100.00")
    audit = session.exec(select(AuditEntry).where(AuditEntry.entity == "budget_commitment",
                                                  AuditEntry.entity_id == str(c.id))).one()
    assert (audit.action, audit.actor_name, audit.changes["amount"]) == ("create", actor.username, [None, "100.00"])


def test_a_line_code_is_unique_within_its_year(session, actor):
    make_line(session, actor, code="6701")
    with pytest.raises(ValidationError) as refused:
        make_line(session, actor, code="6701")
    assert refused.value.field == "code"
    assert make_line(session, actor, code="6701", fiscal_year=2570).code == "6701"


def test_entries_of_a_line_list_every_posting_in_date_order(session, actor):
    line = make_line(session, actor, allot="1000.00")
    c = commit(session, actor, line, "300.00", DEC15)
    pay(session, actor, "100.00", DEC15, commitment=c)
    kinds = [(row["kind"], row["amount"]) for row in budget.entries(session, line_id=line.id, actor=actor)]
    assert kinds == [("allotment", D("1000.00")), ("commitment", D("300.00")), ("disbursement", D("100.00"))]
    assert session.exec(select(Disbursement)).one().line_id == line.id
