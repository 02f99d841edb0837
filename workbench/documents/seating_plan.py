"""The seating plan of a reception or meeting as a one-page PDF (A4 landscape): the table drawn (round, or long
with the hosts facing the guests), each seat numbered in the order the precedence service computed, the host and
the guest of honour marked, interpreters on chairs behind them, and beside it the list of seats with names in
Thai and English and titles as the precedence list writes them."""

from __future__ import annotations

import html
import math

from workbench.documents.briefing_pdf import html_to_pdf
from workbench.documents.typography import html_page
from workbench.documents.visit_document_base import Doc, page_frame, time_range
from workbench.i18n import t
from workbench.models.visits import Side
from workbench.services.visit_documents import PlacedSeat, SeatingLayout
from workbench.thai import format_date

HOST_FILL, GUEST_STROKE = "#1f3b73", "#8a1c1c"
SEAT_R = 6.5
WIDTH, HEIGHT = 180.0, 165.0  # the drawing, in millimetres


def _e(text: object) -> str:
    return html.escape(str(text or ""))


def _short(placed: PlacedSeat) -> str:
    name = placed.seat.name_th or placed.seat.name_en
    return name if len(name) <= 24 else name[:23] + "…"


def _seat(x: float, y: float, placed: PlacedSeat, layout: SeatingLayout, *, label_dx: float, label_dy: float,
          anchor: str, small: bool = False) -> str:
    host = placed.seat.side == Side.HOST
    radius = SEAT_R * (0.75 if small else 1)
    fill, stroke, colour = (HOST_FILL, HOST_FILL, "#fff") if host else ("#fff", GUEST_STROKE, GUEST_STROKE)
    role = ""
    if placed.seat.person_id == layout.host_id:
        role = t("vdoc.seat.host", "th")
    elif placed.seat.person_id == layout.guest_of_honour_id:
        role = t("vdoc.seat.guest_of_honour", "th")
    elif placed.interpreter:
        role = t("vdoc.seat.interpreter", "th")
    width = 1.2 if role and not placed.interpreter else 0.5
    parts = [f'<g class="seat" data-seat="{placed.seat.number}">',
             f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>',
             f'<text x="{x:.1f}" y="{y + 1.6:.1f}" text-anchor="middle" font-size="{4.2 if not small else 3.4}" '
             f'font-weight="700" fill="{colour}">{placed.seat.number}</text>',
             f'<text x="{x + label_dx:.1f}" y="{y + label_dy:.1f}" text-anchor="{anchor}" font-size="3.3">'
             f"{_e(_short(placed))}</text>"]
    if role:
        role_dy = label_dy + 3.6 if label_dy > -SEAT_R else label_dy - 3.6  # above a name that is above the seat
        parts.append(f'<text x="{x + label_dx:.1f}" y="{y + role_dy:.1f}" text-anchor="{anchor}" '
                     f'font-size="2.9" fill="#555">{_e(role)}</text>')
    parts.append("</g>")
    return "".join(parts)


def _round(layout: SeatingLayout) -> str:
    seats = layout.seats
    n = max(len(seats), 2)
    cx, cy = WIDTH / 2, HEIGHT / 2 + 2
    radius = max(28.0, min(62.0, n * 17 / (2 * math.pi)))
    step = 2 * math.pi / n
    parts = [f'<circle cx="{cx}" cy="{cy}" r="{radius - SEAT_R - 2:.1f}" fill="#f3efe6" stroke="#888" stroke-width="0.5"/>']
    # seat 1 at the top; then alternately to the host's right (page left) and left: 2, 3, 4 ...
    slots: list[int] = [0]
    k = 1
    while len(slots) < len(seats):
        slots.append(k)
        if len(slots) < len(seats):
            slots.append(-k)
        k += 1
    positions = {}
    for placed, slot in zip(seats, slots, strict=False):
        angle = -math.pi / 2 - slot * step
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        positions[placed.seat.person_id] = angle
        dx, dy = math.cos(angle) * (SEAT_R + 2), math.sin(angle) * (SEAT_R + 2) + 1
        anchor = "middle" if abs(math.cos(angle)) < 0.35 else ("start" if math.cos(angle) > 0 else "end")
        if anchor == "middle":
            dy = (SEAT_R + 4) if math.sin(angle) > 0 else -(SEAT_R + 4.5)
        parts.append(_seat(x, y, placed, layout, label_dx=dx, label_dy=dy, anchor=anchor))
    parts += _interpreters(layout, lambda person_id: (cx, cy, radius + 14, positions.get(person_id)))
    return "".join(parts)


def _interpreters(layout: SeatingLayout, where) -> list[str]:
    """Interpreters sit behind the head of their side (the host or the guest of honour)."""
    parts = []
    behind = {Side.HOST: layout.host_id, Side.GUEST: layout.guest_of_honour_id}
    count: dict[str, int] = {}
    for placed in layout.interpreters:
        head = behind.get(placed.seat.side)
        cx, cy, radius, angle = where(head)
        if angle is None:
            continue
        index = count.get(placed.seat.side, 0)
        count[placed.seat.side] = index + 1
        angle = angle + (index * 0.16)
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        parts.append(_seat(x, y, placed, layout, label_dx=SEAT_R + 1, label_dy=1, anchor="start", small=True))
    return parts


def _long(layout: SeatingLayout) -> str:
    hosts = [p for p in layout.seats if p.seat.side == Side.HOST]
    guests = [p for p in layout.seats if p.seat.side == Side.GUEST]
    per_side = max(len(hosts), len(guests), 1)
    gap = min(24.0, (WIDTH - 20) / per_side)
    cx, top, bottom = WIDTH / 2, HEIGHT / 2 - 22, HEIGHT / 2 + 22
    length = per_side * gap + 6
    parts = [f'<rect x="{cx - length / 2:.1f}" y="{top + SEAT_R + 2:.1f}" width="{length:.1f}" '
             f'height="{bottom - top - 2 * SEAT_R - 4:.1f}" fill="#f3efe6" stroke="#888" stroke-width="0.5"/>']
    positions = {}

    def order(count: int, right_is_left_on_page: bool) -> list[int]:
        slots, k = [0], 1
        while len(slots) < count:
            slots.append(-k if right_is_left_on_page else k)
            if len(slots) < count:
                slots.append(k if right_is_left_on_page else -k)
            k += 1
        return slots

    for row, y, facing_down, label_dy in ((hosts, top, True, -(SEAT_R + 2)), (guests, bottom, False, SEAT_R + 4.5)):
        for placed, slot in zip(row, order(len(row), facing_down), strict=False):
            x = cx + slot * gap
            positions[placed.seat.person_id] = (x, y, facing_down)
            stagger = 8.0 * (abs(slot) % 2) * (-1 if facing_down else 1)  # neighbours' names on two lines
            parts.append(_seat(x, y, placed, layout, label_dx=0, label_dy=label_dy + stagger, anchor="middle"))

    def where(person_id):
        if person_id not in positions:
            return 0, 0, 0, None
        x, y, facing_down = positions[person_id]
        # behind: 16 mm further from the table; expressed as a point at angle -90° / 90° from (x, y)
        return x + 9, y, 16, -math.pi / 2 if facing_down else math.pi / 2

    parts += _interpreters(layout, where)
    return "".join(parts)


def render_html(layout: SeatingLayout) -> str:
    e = layout.engagement
    doc = Doc(lang="th", title=e.title_th, classification=layout.classification, landscape=True)
    drawing = _round(layout) if layout.shape == "round" else _long(layout)
    legend_rows = []
    for placed in layout.all_seats:
        side = t(f"side.{placed.seat.side}", "th")
        note = t("vdoc.seat.interpreter_behind", "th") if placed.interpreter else ""
        legend_rows.append(
            f'<tr class="{"interp" if placed.interpreter else "seat"}"><td class="num">{placed.seat.number}</td>'
            f"<td>{_e(placed.seat.name_th or placed.seat.name_en)}<br><span class=\"en\">{_e(placed.seat.name_en)}</span>"
            f"</td><td>{_e(placed.title_th or '–')}<br><span class=\"en\">{_e(placed.title_en)}</span></td>"
            f"<td>{_e(side)}{('<br>' + _e(note)) if note else ''}</td></tr>")
    shape = t(f"vdoc.shape.{layout.shape}", "both")
    when = f"{format_date(e.start.date())} {time_range(e.start, e.end, 'th')}"
    style = """
    h1 { font-size: 17pt; margin: 0; } .sub { font-size: 12pt; color: #333; margin-bottom: 2mm; }
    .page { display: flex; gap: 4mm; } .plan { width: 153mm; height: 140mm; }
    .legend { flex: 1; font-size: 9.5pt; } table { border-collapse: collapse; width: 100%; }
    th, td { border: 1px solid #999; padding: 0.4mm 1.2mm; vertical-align: top; text-align: left; }
    th { background: #eee; } td.num { text-align: right; } .en { color: #555; font-size: 8.5pt; }
    tr.interp td { color: #555; font-style: italic; }
    .key { font-size: 9.5pt; margin-top: 1mm; } .key span { display: inline-block; width: 3.5mm; height: 3.5mm;
    border-radius: 50%; vertical-align: middle; margin: 0 1mm 0 3mm; }
    """
    if len(layout.all_seats) > 12:  # a long guest list still fits the one page
        style += ".legend { font-size: %.1fpt; } .en { font-size: %.1fpt; }" % (
            max(5.5, 9.5 - (len(layout.all_seats) - 12) * 0.25), max(5.0, 8.5 - (len(layout.all_seats) - 12) * 0.25))
    head = "".join(f"<th>{_e(t(k, 'both'))}</th>" for k in ("vdoc.col.seat", "vdoc.col.name", "vdoc.col.title", "vdoc.col.side"))
    body = (f"<h1>{_e(t('vdoc.seating_plan', 'both'))}: {_e(e.title_th)}</h1>"
            f'<div class="sub">{_e(" · ".join(x for x in (e.title_en, when, e.venue, shape) if x))}</div>'
            f'<div class="page"><div style="flex: 0 0 156mm"><svg class="plan" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'xmlns="http://www.w3.org/2000/svg" font-family="Sarabun">{drawing}</svg>'
            f'<div class="key"><span style="background:{HOST_FILL}"></span>{_e(t("vdoc.key.host_side", "both"))}'
            f'<span style="border:1px solid {GUEST_STROKE}"></span>{_e(t("vdoc.key.guest_side", "both"))}</div></div>'
            f'<div class="legend"><table><thead><tr>{head}</tr></thead><tbody>{"".join(legend_rows)}</tbody></table>'
            "</div></div>")
    return html_page(lang="th", title=e.title_th, style=style, body=body,
                     frame=page_frame(doc, font_size="11pt", line_height=1.3))


def render_pdf(layout: SeatingLayout) -> bytes:
    return html_to_pdf(render_html(layout))
