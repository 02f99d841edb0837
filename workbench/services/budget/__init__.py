"""The budget ledger: lines, allotments, commitments, disbursements, transfers and reversing corrections.

Figures of a line (all sums of posted entries; reversing entries carry negative amounts):

* allocated = the line's initial allocation + transfers in − transfers out
* committed = commitments − disbursements made against them (a disbursement releases its commitment)
* disbursed = all disbursements
* available = allocated − committed − disbursed
* allotted by a day = allotments from that day or earlier + transfers in − transfers out up to that day

Rules (each refusal is a ``ValidationError`` naming the field, with the figures, in Thai and English; nothing is
written): amounts are positive with at most two decimals (satang); every entry is dated inside its line's
fiscal year; a commitment, or a disbursement made directly against a line, may not exceed what is available nor
what has been allotted and not yet used on its date and on every later day; a disbursement against a commitment
may not exceed what remains of that commitment; allotments may not exceed the allocation; a transfer needs an
approver (a person), stays inside one fiscal year and moves allotted, unused money only, so it can never make
the source negative. Posted entries are never edited: ``reverse_*`` writes a linked entry with the opposite sign.

Each write locks the lines it touches (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite serialises writers), so
two people cannot both spend the last baht of a line.
"""

from __future__ import annotations

from workbench.services.budget.entries import (  # noqa: F401
    COMMITMENT,
    add_allotment,
    commitments,
    disburse,
    discard_draft,
    entries,
    post_commitment,
    post_draft,
    transfer,
)
from workbench.services.budget.ledger import (  # noqa: F401
    CENT,
    DISBURSEMENT,
    MAX_AMOUNT,
    TRANSFER,
    ZERO,
    Amounts,
    Ledger,
    LineFigures,
    Overspend,
    _check_room,
    _check_use,
    _entry,
    _in_year,
    _labels,
    _line_not_found,
    _links,
    _lock,
    _not_before,
    _not_reversed,
    _original_posted,
    _reason,
    baht,
    entry_visible,
    field_error,
    money,
    validate,
)
from workbench.services.budget.lines import (  # noqa: F401
    create_line,
    fiscal_years,
    get_line,
    line_by_code,
    line_figures,
    list_lines,
    update_line,
    year_figures,
)
from workbench.services.budget.reversals import (  # noqa: F401
    reverse_allotment,
    reverse_commitment,
    reverse_disbursement,
    reverse_transfer,
)
