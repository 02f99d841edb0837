"""Demo history that grows like an office's: over several fiscal years (``workbench demo --years N`` with N > 1)
the analysts' monitoring notes and talking points pile up year after year, so that search, briefing packs and
relations histories are measured at a realistic size (about 2,300 notes a year: ≥ 50,000 notes and documents at
20 years, beside the correspondence the correspondence builder registers per year).

Written through the bulk path (``workbench.bulk.bulk_insert``: batched inserts, one audit entry per row). The
one-year demo office is left exactly as the feature builders make it. Every text is invented and says so.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import col, select

from workbench.bulk import bulk_insert
from workbench.demo import DemoContext, demo_builder
from workbench.models.base import Clearance
from workbench.models.briefing import MonitoringNote, NoteCategory, TalkingPoint
from workbench.models.countries import Country
from workbench.services.monitoring import fold, tag_list
from workbench.thai import fiscal_year, fiscal_year_bounds

NOTES_PER_YEAR = 2300
POINTS_PER_YEAR = 150
FICTIONAL = "(ข้อมูลสมมติ)"
SUBJECTS = [  # category, Thai title with {country}, tags
    (NoteCategory.POLITICAL, "{country}: ผลการเลือกตั้งท้องถิ่นและท่าทีของพรรคการเมือง", "election, parties"),
    (NoteCategory.POLITICAL, "{country}: การปรับคณะรัฐมนตรีและนโยบายที่เปลี่ยนไป", "cabinet, reshuffle"),
    (NoteCategory.ECONOMIC, "{country}: ตัวเลขการค้ากับไทยไตรมาสล่าสุด", "trade, economy"),
    (NoteCategory.ECONOMIC, "{country}: มาตรการส่งเสริมการลงทุนในอุตสาหกรรมสีเขียว", "investment, green economy"),
    (NoteCategory.PARLIAMENT, "{country}: รัฐสภาพิจารณาร่างกฎหมายสำคัญในสมัยประชุมนี้", "legislation, parliament"),
    (NoteCategory.PARLIAMENT, "{country}: กลุ่มมิตรภาพรัฐสภากับไทยประชุมประจำปี", "friendship group"),
    (NoteCategory.FOREIGN_POLICY, "{country}: ท่าทีต่อการประชุมระดับภูมิภาคที่จะมาถึง", "ASEAN, regional"),
    (NoteCategory.FOREIGN_POLICY, "{country}: ความร่วมมือด้านการศึกษาและทุนการศึกษากับไทย", "education, scholarships"),
    (NoteCategory.SOCIAL, "{country}: นโยบายสาธารณสุขและสังคมผู้สูงอายุ", "health, ageing society"),
    (NoteCategory.SOCIAL, "{country}: แรงงานไทยและชุมชนคนไทยในประเทศ", "labour, Thai community"),
    (NoteCategory.SECURITY, "{country}: การประเมินสถานการณ์ความมั่นคงชายแดนและทางทะเล", "security, maritime"),
]
DETAILS = ["สถานเอกอัครราชทูตรายงานว่าสถานการณ์มีความต่อเนื่องและไม่กระทบความสัมพันธ์กับไทย",
           "นักวิเคราะห์เห็นว่าควรติดตามใกล้ชิดก่อนการเยือนครั้งต่อไป",
           "ประเด็นนี้อาจถูกยกขึ้นระหว่างการเข้าเยี่ยมคารวะประธานวุฒิสภา",
           "สื่อมวลชนท้องถิ่นรายงานอย่างกว้างขวาง ฝ่ายค้านแสดงความเห็นแตกต่าง",
           "มีผลต่อความร่วมมือระหว่างรัฐสภาในกรอบ IPU และ AIPA"]
TOPICS = [("ความสัมพันธ์ระหว่างรัฐสภา", "ยินดีที่ความสัมพันธ์ระหว่างรัฐสภาใกล้ชิดยิ่งขึ้นในปี {year}",
           "Welcome closer parliamentary ties in {year}"),
          ("การค้าและการลงทุน", "สนับสนุนการค้าและการลงทุนระหว่างกันในปี {year}", "Support trade and investment in {year}"),
          ("ความร่วมมือในกรอบพหุภาคี", "ขอบคุณที่สนับสนุนไทยในเวทีพหุภาคีปี {year}",
           "Thank the country for its support in multilateral fora in {year}")]


@demo_builder("history", order=95)
def build_history(context: DemoContext) -> None:
    """Notes and talking points for each fiscal year covered, when more than one is (benchmark offices)."""
    if context.years <= 1:
        return
    session, rng = context.session, context.rng
    countries = list(session.exec(select(Country).order_by(col(Country.iso2))).all())
    author = context.refs.get("users", {}).get("analyst")
    author_id = getattr(author, "id", None)
    newest = fiscal_year(context.today)
    notes, points = [], []
    for year in range(newest - context.years + 1, newest + 1):
        first, last = fiscal_year_bounds(year)
        last = min(last, context.today)
        span = max((last - first).days, 1)
        for _ in range(NOTES_PER_YEAR):
            country = countries[int(rng.paretovariate(1.2) * 7) % len(countries)]  # a few countries get most
            category, title, tags = rng.choice(SUBJECTS)
            level = Clearance.NONE
            if category == NoteCategory.SECURITY:
                level = Clearance.SECRET if rng.random() < 0.3 else Clearance.CONFIDENTIAL
            title = title.format(country=country.name_th)
            summary = f"{rng.choice(DETAILS)} ({country.name_en}, {year}) {FICTIONAL}"
            notes.append({"country_id": country.id, "noted_on": first + dt.timedelta(days=rng.randint(0, span)),
                          "category": category, "title": title, "summary": summary, "tags": tags,
                          "classification": level, "author_id": author_id,
                          "search_text": _search_text(title, summary, tags)})
        for _ in range(POINTS_PER_YEAR):
            country = rng.choice(countries)
            topic, text_th, text_en = rng.choice(TOPICS)
            points.append({"country_id": country.id, "topic": topic, "text_th": f"{text_th.format(year=year)} "
                           f"{FICTIONAL}", "text_en": f"{text_en.format(year=year - 543)} (demo)",
                           "valid_from": first, "valid_until": fiscal_year_bounds(year)[1],
                           "approved": True, "author_id": author_id, "approved_by_id": author_id,
                           "classification": Clearance.CONFIDENTIAL if rng.random() < 0.05 else Clearance.NONE})
    bulk_insert(session, MonitoringNote, notes)
    bulk_insert(session, TalkingPoint, points)


def _search_text(title: str, summary: str, tags: str) -> str:
    """As ``services.monitoring`` folds a note for search (title, summary, then each tag)."""
    folded_tags = "".join(f"#{fold(tag)}\n" for tag in tag_list(tags))
    return f"{fold(title)}\n{fold(summary)}\n{folded_tags}"
