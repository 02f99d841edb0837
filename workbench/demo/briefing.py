"""Demo briefing material: monitoring notes (a few classified), talking points (approved, drafts, expired),
agreements and parliament figures for the countries whose ambassadors call on the demo Senate.

Everything here is invented for the demo office and says so: notes and points end with "(ข้อมูลสมมติ)", figures
come with the source "demo (fictional figures, not from Parline)".
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from workbench.demo import DemoContext, demo_builder
from workbench.models.base import Clearance
from workbench.models.briefing import Origin
from workbench.services import countries, monitoring

FICTIONAL = "(ข้อมูลสมมติ)"
DEMO_SOURCE = "demo (fictional figures, not from Parline)"

NOTES = [  # category, Thai title ({country} is the Thai name), summary, tags
    ("political", "{country}: รัฐบาลผสมชุดใหม่ผ่านการลงมติไว้วางใจของรัฐสภา",
     "พรรคร่วมรัฐบาลสามพรรคจัดตั้งรัฐบาลได้สำเร็จหลังการเจรจานานสองเดือน นโยบายต่างประเทศคาดว่าจะต่อเนื่อง",
     "election, coalition"),
    ("economic", "{country}: ธนาคารกลางคงอัตราดอกเบี้ยนโยบาย",
     "ธนาคารกลางคงอัตราดอกเบี้ยเป็นครั้งที่สามติดต่อกัน เพื่อรับมือเงินเฟ้อที่ชะลอตัว การค้ากับไทยขยายตัวต่อเนื่อง",
     "economy, trade"),
    ("parliament", "{country}: สภาสูงตั้งกลุ่มมิตรภาพรัฐสภากับไทย",
     "สมาชิกรัฐสภาสิบสองคนร่วมก่อตั้งกลุ่มมิตรภาพ มีแผนเยือนวุฒิสภาไทยในปีหน้า",
     "friendship group, Senate"),
    ("foreign_policy", "{country}: รัฐมนตรีต่างประเทศประกาศยุทธศาสตร์ความร่วมมือกับอาเซียน",
     "ยุทธศาสตร์ใหม่เน้นการเชื่อมโยงด้านพลังงานสะอาดและความมั่นคงทางอาหารกับประเทศสมาชิกอาเซียน",
     "ASEAN, clean energy"),
    ("social", "{country}: รัฐสภาผ่านร่างกฎหมายสวัสดิการผู้สูงอายุ",
     "กฎหมายใหม่ขยายสิทธิประโยชน์ด้านสุขภาพ เป็นประเด็นที่ไทยอาจแลกเปลี่ยนประสบการณ์ได้",
     "ageing society"),
    ("security", "{country}: การประเมินสถานการณ์ความมั่นคงทางทะเลในภูมิภาค",
     "หน่วยงานความมั่นคงประเมินว่าความตึงเครียดทางทะเลอาจกระทบเส้นทางเดินเรือพาณิชย์ ควรหลีกเลี่ยงการแสดงความเห็นต่อสาธารณะ",
     "maritime, security"),
]
POINTS = [  # topic, Thai text, English text
    ("ความสัมพันธ์ระหว่างรัฐสภา", "ยินดีที่ความสัมพันธ์ระหว่างรัฐสภาทั้งสองฝ่ายใกล้ชิดยิ่งขึ้น และขอเชิญคณะผู้แทนเยือนวุฒิสภาไทย",
     "Welcome closer ties between the two parliaments and invite a delegation to the Thai Senate"),
    ("การค้าและการลงทุน", "สนับสนุนการขยายการค้าและการลงทุนระหว่างกัน โดยเฉพาะด้านเศรษฐกิจสีเขียว",
     "Support more trade and investment, especially in the green economy"),
    ("การศึกษาและทุนการศึกษา", "ขอบคุณสำหรับทุนการศึกษาแก่นักศึกษาไทย และเสนอให้ขยายความร่วมมือด้านอาชีวศึกษา",
     "Thank the country for scholarships and propose vocational education cooperation"),
    ("ความร่วมมือในกรอบพหุภาคี", "ขอบคุณที่สนับสนุนไทยในเวที IPU และประสงค์จะประสานท่าทีในการประชุมสมัชชาครั้งต่อไป",
     "Thank the country for its support in the IPU and offer to coordinate before the next Assembly"),
]
BICAMERAL = {"JP", "FR", "DE", "GB", "IT", "RU", "US", "CA", "BR", "AU", "IN", "MY", "ZA", "KE", "EG", "KH"}


@demo_builder("briefing", order=50)
def build_briefing(context: DemoContext) -> None:
    users = context.refs.get("users", {})
    author = users.get("analyst", context.actor)
    for number, iso2 in enumerate(sorted(context.refs.get("ambassadors", {}))):
        country = countries.find_country(context.session, iso2)
        if country is None:
            continue
        _notes(context, author, country, number)
        _points(context, author, country, number)
        _parliament(context, country, number)
        if number % 4 == 0:
            monitoring.record_agreement(context.session, actor=author, data={
                "country_id": country.id, "kind": "mou",
                "title_th": f"บันทึกความเข้าใจว่าด้วยความร่วมมือระหว่างวุฒิสภาไทยกับรัฐสภา{country.name_th} {FICTIONAL}",
                "title_en": "MoU on cooperation between the Thai Senate and the Parliament of "
                            f"{country.name_en} (demo)",
                "signed_on": context.first_day + dt.timedelta(days=40 + 9 * number), "place": "กรุงเทพมหานคร",
                "parties": f"วุฒิสภา; รัฐสภา{country.name_th}",
            })


def _notes(context: DemoContext, author, country, number: int) -> None:
    span = max((context.today - context.first_day).days, 30)
    for index in range(4):
        category, title, summary, tags = NOTES[(number + index) % len(NOTES)]
        level = Clearance.NONE
        if category == "security":
            level = Clearance.SECRET if number % 3 == 0 else Clearance.CONFIDENTIAL
        day = context.first_day + dt.timedelta(days=int(span * (index + 1) / 5) + context.rng.randint(-6, 6))
        monitoring.create_note(context.session, actor=author, data={
            "country_id": country.id, "noted_on": min(day, context.today), "category": category,
            "title": title.format(country=country.name_th), "summary": f"{summary} {FICTIONAL}", "tags": tags,
            "classification": level,
        })


def _points(context: DemoContext, author, country, number: int) -> None:
    start = context.first_day
    for index in range(3):
        topic, text_th, text_en = POINTS[(number + index) % len(POINTS)]
        level = Clearance.CONFIDENTIAL if index == 2 and number % 4 == 1 else Clearance.NONE
        point = monitoring.create_talking_point(context.session, actor=author, data={
            "country_id": country.id, "topic": topic, "text_th": f"{text_th} {FICTIONAL}",
            "text_en": f"{text_en} (demo)", "valid_from": start,
            "valid_until": context.today + dt.timedelta(days=180), "classification": level,
        })
        if index < 2 or number % 2 == 0:
            monitoring.approve_talking_point(context.session, point_id=point.id, actor=author)
    if number % 3 == 0:  # an expired point that must not be picked for new packs
        topic, text_th, text_en = POINTS[(number + 3) % len(POINTS)]
        old = monitoring.create_talking_point(context.session, actor=author, data={
            "country_id": country.id, "topic": f"{topic} (ฉบับเดิม)", "text_th": f"{text_th} {FICTIONAL}",
            "text_en": f"{text_en} (demo)", "valid_from": start - dt.timedelta(days=400),
            "valid_until": start - dt.timedelta(days=30)})
        monitoring.approve_talking_point(context.session, point_id=old.id, actor=author)


OWN_CHAMBER_NAMES = {  # the chambers' own names, as the Thai Ministry of Foreign Affairs writes them
    ("JP", "lower"): ("สภาผู้แทนราษฎร", "House of Representatives"), ("JP", "upper"): ("สภาที่ปรึกษา", "House of Councillors"),
    ("IN", "lower"): ("โลกสภา", "Lok Sabha"), ("IN", "upper"): ("ราชยสภา", "Rajya Sabha"),
    ("MY", "lower"): ("สภาผู้แทนราษฎร", "Dewan Rakyat"), ("MY", "upper"): ("วุฒิสภา", "Dewan Negara"),
    ("KR", "unicameral"): ("สมัชชาแห่งชาติ", "National Assembly"),
    ("CN", "unicameral"): ("สภาประชาชนแห่งชาติ", "National People's Congress"),
    ("FR", "lower"): ("สมัชชาแห่งชาติ", "National Assembly"), ("FR", "upper"): ("วุฒิสภา", "Senate"),
    ("DE", "lower"): ("สภาผู้แทนราษฎรสหพันธ์ (บุนเดสทาค)", "Bundestag"), ("DE", "upper"): ("สภาสหพันธ์ (บุนเดสราท)", "Bundesrat"),
    ("GB", "lower"): ("สภาสามัญ", "House of Commons"), ("GB", "upper"): ("สภาขุนนาง", "House of Lords"),
    ("IT", "lower"): ("สภาผู้แทนราษฎร", "Chamber of Deputies"), ("IT", "upper"): ("วุฒิสภา", "Senate of the Republic"),
    ("RU", "lower"): ("สภาดูมาแห่งรัฐ", "State Duma"), ("RU", "upper"): ("สภาสหพันธ์", "Federation Council"),
    ("US", "lower"): ("สภาผู้แทนราษฎร", "House of Representatives"), ("US", "upper"): ("วุฒิสภา", "Senate"),
    ("CA", "lower"): ("สภาสามัญ", "House of Commons"), ("CA", "upper"): ("วุฒิสภา", "Senate"),
    ("BR", "lower"): ("สภาผู้แทนราษฎร", "Chamber of Deputies"), ("BR", "upper"): ("วุฒิสภาสหพันธ์", "Federal Senate"),
    ("AU", "lower"): ("สภาผู้แทนราษฎร", "House of Representatives"), ("AU", "upper"): ("วุฒิสภา", "Senate"),
    ("ZA", "lower"): ("สมัชชาแห่งชาติ", "National Assembly"),
    ("ZA", "upper"): ("สภาแห่งชาติของจังหวัด", "National Council of Provinces"),
    ("KE", "lower"): ("สมัชชาแห่งชาติ", "National Assembly"), ("KE", "upper"): ("วุฒิสภา", "Senate"),
    ("EG", "lower"): ("สภาผู้แทนราษฎร", "House of Representatives"), ("EG", "upper"): ("วุฒิสภา", "Senate"),
    ("KH", "lower"): ("รัฐสภา", "National Assembly"), ("KH", "upper"): ("พฤฒิสภา", "Senate"),
}


def _parliament(context: DemoContext, country, number: int) -> None:
    rng = context.rng
    bicameral = country.iso2 in BICAMERAL
    parliament = countries.ensure_parliament(
        context.session, country_id=country.id, structure="bicameral" if bicameral else "unicameral",
        name_th=f"รัฐสภา{country.name_th}", name_en=f"Parliament of {country.name_en}", source=DEMO_SOURCE,
        as_of=context.today)
    chambers = [("lower", "สภาล่าง", "Lower chamber"), ("upper", "สภาสูง", "Upper chamber")] if bicameral else [
        ("unicameral", "รัฐสภา", "Parliament")]
    for chamber_type, name_th, name_en in chambers:
        own = OWN_CHAMBER_NAMES.get((country.iso2, chamber_type))  # a chamber by its own Thai name
        chamber = countries.ensure_chamber(context.session, parliament_id=parliament.id, chamber_type=chamber_type,
                                           name_th=own[0] if own else f"{name_th}{country.name_th}",
                                           name_en=f"{own[1] if own else name_en} (demo)")
        seats = rng.choice([100, 150, 200, 250, 300, 450, 500]) if chamber_type != "upper" else rng.choice(
            [60, 80, 100, 150, 250])
        members = seats - rng.randint(0, 3)
        women = round(members * rng.uniform(0.12, 0.45))
        countries.record_chamber_figures(context.session, actor=context.actor, data={
            "chamber_id": chamber.id, "as_of": context.today - dt.timedelta(days=rng.randint(20, 120)),
            "source": DEMO_SOURCE, "statutory_seats": seats, "current_members": members, "women_members": women,
            "women_pct": (Decimal(women) * 100 / Decimal(members)).quantize(Decimal("0.01")),
            "electoral_system": "ระบบสัดส่วน (สมมติ)" if number % 2 else "ระบบเสียงข้างมาก (สมมติ)",
            "designation": "elected" if chamber_type != "upper" else rng.choice(["appointed", "indirectly_elected"]),
            "term_years": rng.choice([4, 5]) if chamber_type != "upper" else 6,
            "speaker": "ประธานสภาสมมติ (fictional speaker)",
            "last_election": context.today - dt.timedelta(days=rng.randint(200, 1200)),
            "note": "ตัวเลขสมมติสำหรับการสาธิต",
        }, origin=Origin.DEMO)
