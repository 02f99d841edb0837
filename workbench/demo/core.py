"""Core of the demo office: principals, senators, committees, Secretariat staff, users, embassies, ambassadors."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import select

from workbench.demo import DEMO_PASSWORD, DemoContext, demo_builder
from workbench.models.base import Clearance
from workbench.models.people import Gender, Organization, OrgClassification, Person, Post
from workbench.models.users import Role
from workbench.services import countries
from workbench.services import people as people_service
from workbench.services import users as users_service

FICTIONAL = "บุคคลสมมติสำหรับการสาธิตระบบ (fictional person for the demo office)"

# Thai given names (with romanisation) and invented family names: plainly fictional combinations.
GIVEN_NAMES = [
    ("สมชาย", "Somchai", Gender.MALE), ("สมศรี", "Somsri", Gender.FEMALE), ("ประเสริฐ", "Prasert", Gender.MALE),
    ("วิไลวรรณ", "Wilaiwan", Gender.FEMALE), ("อนันต์", "Anan", Gender.MALE), ("กาญจนา", "Kanchana", Gender.FEMALE),
    ("ธีรพงษ์", "Theerapong", Gender.MALE), ("พรทิพย์", "Pornthip", Gender.FEMALE), ("วีระ", "Weera", Gender.MALE),
    ("สุนีย์", "Sunee", Gender.FEMALE), ("ชาญวิทย์", "Chanwit", Gender.MALE), ("นภา", "Napa", Gender.FEMALE),
    ("ปิยะ", "Piya", Gender.MALE), ("รัตนา", "Rattana", Gender.FEMALE), ("สุรชัย", "Surachai", Gender.MALE),
    ("อรุณี", "Arunee", Gender.FEMALE), ("เกียรติศักดิ์", "Kiattisak", Gender.MALE), ("จันทร์เพ็ญ", "Chanpen", Gender.FEMALE),
    ("ณัฐพล", "Nattapon", Gender.MALE), ("ศิริพร", "Siriporn", Gender.FEMALE),
]
FAMILY_NAMES = [
    ("ศรีสุวรรณ", "Srisuwan"), ("วงศ์ประเสริฐ", "Wongprasert"), ("แก้วมณี", "Kaewmanee"),
    ("บุญญาศิริ", "Boonyasiri"), ("ชัยมงคล", "Chaimongkol"), ("สุขเจริญ", "Sukcharoen"),
    ("พงษ์ไพบูลย์", "Phongphaiboon"), ("อินทรสุวรรณ", "Intharasuwan"), ("รัตนพันธ์", "Rattanaphan"),
    ("ทองประเสริฐ", "Thongprasert"),
]
# Foreign given and family names: ordinary names, in ordinary combinations; each foreign person of the demo gets a
# combination no one else has (``foreign_name``). The first 20 given and 8 family names are drawn at random (as
# the demo always drew them, so the rest of the office stays the same); the others are there for when those run out.
FOREIGN_GIVEN = ["Alex", "Maria", "Kenji", "Amina", "Lukas", "Sofia", "Rahul", "Elena", "Omar", "Hana", "Pablo",
                 "Ingrid", "Tomas", "Leila", "Marco", "Yuki", "Daniel", "Chloe", "Ivan", "Grace",
                 "Anna", "David", "Fatima", "Henrik", "Isabel", "James", "Mei", "Nikolai", "Priya", "Samuel"]
FOREIGN_FAMILY = ["Morgan", "Laurent", "Novak", "Haddad", "Sato", "Fischer", "Costa", "Rahman",
                  "Bergström", "Kovacs", "Mendes", "Okafor", "Petrov", "Quinn", "Silva", "Weber"]
FOREIGN_DRAWN = (20, 8)
# the foreign given names borne by women: a visitor is "Ms." or "Mr." as their name says, not by their role
FOREIGN_WOMEN = {"Maria", "Amina", "Sofia", "Elena", "Hana", "Ingrid", "Leila", "Yuki", "Chloe", "Grace", "Anna",
                 "Fatima", "Isabel", "Mei", "Priya"}
# the same names as a Thai protocol list transliterates them
FOREIGN_THAI = {
    "Alex": "แอเลกซ์", "Maria": "มาเรีย", "Kenji": "เคนจิ", "Amina": "อามีนา", "Lukas": "ลูคัส", "Sofia": "โซเฟีย",
    "Rahul": "ราหุล", "Elena": "เอเลนา", "Omar": "โอมาร์", "Hana": "ฮานะ", "Pablo": "ปาโบล", "Ingrid": "อิงกริด",
    "Tomas": "โทมัส", "Leila": "ไลลา", "Marco": "มาร์โก", "Yuki": "ยูกิ", "Daniel": "แดเนียล", "Chloe": "โคลอี",
    "Ivan": "อีวาน", "Grace": "เกรซ", "Anna": "แอนนา", "David": "เดวิด", "Fatima": "ฟาติมา", "Henrik": "เฮนริก",
    "Isabel": "อิซาเบล", "James": "เจมส์", "Mei": "เหมย", "Nikolai": "นิโคไล", "Priya": "ปรียา", "Samuel": "ซามูเอล",
    "Morgan": "มอร์แกน", "Laurent": "โลรองต์", "Novak": "โนวัก", "Haddad": "ฮัดดาด", "Sato": "ซาโต",
    "Fischer": "ฟิชเชอร์", "Costa": "คอสตา", "Rahman": "ราห์มาน", "Bergström": "แบร์กสเตริม", "Kovacs": "โควัช",
    "Mendes": "เมนเดส", "Okafor": "โอคาฟอร์", "Petrov": "เปตรอฟ", "Quinn": "ควินน์", "Silva": "ซิลวา",
    "Weber": "เวเบอร์",
}

# Countries with an embassy in the demo office's Bangkok (ISO alpha-2), chosen to cover every region.
EMBASSY_COUNTRIES = ["JP", "CN", "KR", "IN", "SG", "MY", "ID", "VN", "LA", "KH", "FR", "DE", "GB", "IT", "RU",
                     "US", "CA", "BR", "AU", "NZ", "FJ", "ZA", "KE", "EG", "SA", "AE"]

STAFF_GROUPS = {  # work group code -> (number of staff, role of their user accounts)
    "fao-admin": (4, Role.ADMIN_OFFICER),
    "fao-protocol": (5, Role.PROTOCOL_OFFICER),
    "fao-ir": (5, Role.ANALYST),
}

DEMO_USERS = [  # username, role, clearance, where the person works
    ("admin", Role.ADMINISTRATOR, Clearance.TOP_SECRET, "fao"),
    ("protocol", Role.PROTOCOL_OFFICER, Clearance.CONFIDENTIAL, "fao-protocol"),
    ("analyst", Role.ANALYST, Clearance.SECRET, "fao-ir"),
    ("officer", Role.ADMIN_OFFICER, Clearance.NONE, "fao-admin"),
    ("viewer", Role.VIEWER, Clearance.NONE, "fao"),
]


class _Names:
    """Deterministic fictional names: each call gives the next unused combination."""

    def __init__(self, context: DemoContext) -> None:
        self.rng = context.rng
        self.used: set[tuple[str, str]] = set()

    def thai(self) -> tuple[tuple[str, str, Gender], tuple[str, str]]:
        while True:
            given, family = self.rng.choice(GIVEN_NAMES), self.rng.choice(FAMILY_NAMES)
            if (given[0], family[0]) not in self.used or len(self.used) > 150:
                self.used.add((given[0], family[0]))
                return given, family

    def thai_unlike(self, given_taken: set[str]) -> tuple[tuple[str, str, Gender], tuple[str, str]]:
        """A new combination whose given name is not in ``given_taken`` (two demo users are two people, not two
        ณัฐพล): drawn like ``thai``, then the next free combination in list order."""
        drawn = (GIVEN_NAMES.index(self.rng.choice(GIVEN_NAMES)), FAMILY_NAMES.index(self.rng.choice(FAMILY_NAMES)))
        for step in range(len(GIVEN_NAMES) * len(FAMILY_NAMES)):
            given = GIVEN_NAMES[(drawn[0] + step // len(FAMILY_NAMES)) % len(GIVEN_NAMES)]
            family = FAMILY_NAMES[(drawn[1] + step) % len(FAMILY_NAMES)]
            if given[0] not in given_taken and (given[0], family[0]) not in self.used:
                self.used.add((given[0], family[0]))
                return given, family
        raise LookupError("no demo Thai name left")


def foreign_name(context: DemoContext, *, draw: bool = True, start: int = 0) -> tuple[str, str]:
    """A foreign (given, family) name no other demo person has: drawn at random (``draw``) or taken from
    position ``start``, then the next combination not yet used; with every combination used, a middle initial
    tells the next ones apart."""
    used: set[tuple[str, str]] = context.refs.setdefault("foreign_names", set())
    if draw:
        first = (FOREIGN_GIVEN.index(context.rng.choice(FOREIGN_GIVEN[:FOREIGN_DRAWN[0]])),
                 FOREIGN_FAMILY.index(context.rng.choice(FOREIGN_FAMILY[:FOREIGN_DRAWN[1]])))
    else:
        first = (start % len(FOREIGN_GIVEN), (start // len(FOREIGN_GIVEN)) % len(FOREIGN_FAMILY))
    combinations = len(FOREIGN_GIVEN) * len(FOREIGN_FAMILY)
    for step in range(combinations * 27):
        given = FOREIGN_GIVEN[(first[0] + step) % len(FOREIGN_GIVEN)]
        family = FOREIGN_FAMILY[(first[1] + step // len(FOREIGN_GIVEN)) % len(FOREIGN_FAMILY)]
        if step >= combinations:
            given = f"{given} {chr(ord('A') + step // combinations - 1)}."
        if (given, family) not in used:
            used.add((given, family))
            return given, family
    raise LookupError("no demo foreign name left")


def foreign_title(given: str) -> str:
    """"Ms." or "Mr." for a demo foreign given name ('Ingrid', 'Grace A.')."""
    return "Ms." if given.partition(" ")[0] in FOREIGN_WOMEN else "Mr."


def foreign_thai(name: str) -> str:
    """A demo foreign name ('Grace', 'Maria B.') in Thai script, as a Thai protocol list writes it."""
    first, _, initial = name.partition(" ")
    return f"{FOREIGN_THAI.get(first, first)} {initial}".strip()


def _thai_person(context: DemoContext, names: _Names, honorific: str | None = None, *,
                 unlike: set[str] | None = None) -> Person:
    (given_th, given_en, gender), (family_th, family_en) = names.thai() if unlike is None else names.thai_unlike(unlike)
    title_th = honorific or ("นาย" if gender == Gender.MALE else "นาง")
    title_en = "Mr." if gender == Gender.MALE else "Ms."
    thailand = countries.find_country(context.session, "TH")
    return people_service.create_person(context.session, actor=context.actor, data={
        "honorific_th": title_th, "given_name_th": given_th, "family_name_th": family_th,
        "honorific_en": title_en, "given_name_en": given_en, "family_name_en": family_en,
        "gender": gender, "nationality_id": thailand.id if thailand else None, "biography": FICTIONAL,
        "email": f"{given_en.lower()}.{family_en.lower()[:4]}@senate.example",
    })


def _post(context: DemoContext, code: str) -> Post:
    post = context.session.exec(select(Post).where(Post.code == code)).first()
    if post is None:
        raise LookupError(f"reference post {code!r} missing: run `workbench init` first")
    return post


def _org(context: DemoContext, code: str) -> Organization:
    org = people_service.organization_by_code(context.session, code)
    if org is None:
        raise LookupError(f"reference organisation {code!r} missing: run `workbench init` first")
    return org


def _member(context: DemoContext, person: Person, org: Organization, start: dt.date, *,
            post: Post | None = None, role: tuple[str, str] = ("", ""), end: dt.date | None = None) -> None:
    people_service.add_membership(context.session, actor=context.actor, data={
        "person_id": person.id, "organization_id": org.id, "post_id": post.id if post else None,
        "role_th": role[0], "role_en": role[1], "start_date": start, "end_date": end,
    })


@demo_builder("core", order=10)
def build_core(context: DemoContext) -> None:
    names = _Names(context)
    start = context.first_day
    _senate(context, names, start)
    _secretariat(context, names, start)
    _users(context, names)
    _embassies(context, start)


def _senate(context: DemoContext, names: _Names, start: dt.date) -> None:
    senate = _org(context, "senate")
    principals = {}
    for code in ("senate-president", "senate-first-vice-president", "senate-second-vice-president"):
        person = _thai_person(context, names)
        _member(context, person, senate, start, post=_post(context, code))
        principals[code] = person
    senators = [_thai_person(context, names) for _ in range(24)]
    for person in [*principals.values(), *senators]:
        _member(context, person, senate, start, post=_post(context, "senator"))
    committees = context.session.exec(
        select(Organization).where(Organization.classification == OrgClassification.STANDING_COMMITTEE)
        .order_by(Organization.id)
    ).all()
    for index, committee in enumerate(committees):
        chair = senators[index % len(senators)]
        _member(context, chair, committee, start, role=("ประธานคณะกรรมาธิการ", "Chair"))
        for member in context.rng.sample(senators, k=min(5, len(senators))):
            if member.id != chair.id:
                _member(context, member, committee, start, role=("กรรมาธิการ", "Member"))
    context.refs.update(principals=principals, senators=senators, committees=list(committees))


def _secretariat(context: DemoContext, names: _Names, start: dt.date) -> None:
    secretariat, office = _org(context, "senate-secretariat"), _org(context, "fao")
    heads = [("senate-secretary-general", secretariat), ("fao-director", office)]
    for code, org in heads:
        _member(context, _thai_person(context, names), org, start, post=_post(context, code))
    staff: dict[str, list[Person]] = {}
    for group_code, (count, _role) in STAFF_GROUPS.items():
        group = _org(context, group_code)
        staff[group_code] = []
        for number in range(count):
            person = _thai_person(context, names)
            # Staff turnover across the years covered: later hires start in later fiscal years.
            hired = start + dt.timedelta(days=365 * (number % context.years))
            _member(context, person, group, hired, role=("เจ้าหน้าที่", "Officer"))
            staff[group_code].append(person)
    context.refs["staff"] = staff


def _users(context: DemoContext, names: _Names) -> None:
    users, given_taken = {}, set()
    for username, role, clearance, org_code in DEMO_USERS:
        group = context.refs["staff"].get(org_code)
        others = [i for i, p in enumerate(group or []) if p.given_name_th not in given_taken]
        if others:
            person = group.pop(others[0])
        else:  # a user of the office itself (not of one of its groups): an officer of it since the start
            person = _thai_person(context, names, unlike=given_taken)
            _member(context, person, _org(context, org_code), context.first_day, role=("เจ้าหน้าที่", "Officer"))
        given_taken.add(person.given_name_th)
        users[username] = users_service.create_user(context.session, actor=context.actor, data={
            "username": username, "person_id": person.id, "role": role, "clearance": clearance,
            "password": DEMO_PASSWORD,
        })
        context.refs.setdefault("staff", {}).setdefault(org_code, []).insert(0, person)
    context.refs["users"] = users


def _embassies(context: DemoContext, start: dt.date) -> None:
    ambassadors: dict[str, Person] = {}
    for iso2 in EMBASSY_COUNTRIES:
        country = countries.find_country(context.session, iso2)
        if country is None:
            continue
        embassy = people_service.create_organization(context.session, actor=context.actor, data={
            "name_th": f"สถานเอกอัครราชทูต{country.name_th}ประจำประเทศไทย",
            "name_en": f"Embassy of {country.name_en} in Bangkok", "classification": OrgClassification.EMBASSY,
            "country_id": country.id, "source": "demo (fictional)",
        })
        people_service.create_organization(context.session, actor=context.actor, data={
            "name_th": f"รัฐสภา{country.name_th}", "name_en": f"Parliament of {country.name_en}",
            "classification": OrgClassification.FOREIGN_PARLIAMENT, "country_id": country.id,
            "source": "demo (fictional)",
        })
        ambassadors[iso2] = _ambassadors(context, embassy, country.id, start)
    context.refs["ambassadors"] = ambassadors


def join_parliament(context: DemoContext, person: Person, country_id: Any, role: tuple[str, str]) -> None:
    """``person`` sits in the parliament of ``country_id`` (one made for each embassy country) in ``role``, so
    pickers tell them apart from their namesakes; nothing when the demo has no parliament for that country."""
    parliament = context.session.exec(select(Organization).where(
        Organization.classification == OrgClassification.FOREIGN_PARLIAMENT,
        Organization.country_id == country_id)).first()
    if parliament is not None:
        _member(context, person, parliament, context.first_day, role=role)


def _ambassadors(context: DemoContext, embassy: Organization, country_id: Any, start: dt.date) -> Person:
    """Ambassadors serve about three years; over a long demo history each embassy has several in turn."""
    term_start, current = start - dt.timedelta(days=context.rng.randint(100, 900)), None
    terms = context.refs.setdefault("ambassador_terms", {}).setdefault(country_id, [])
    while term_start <= context.last_day:
        given, family = foreign_name(context)
        current = people_service.create_person(context.session, actor=context.actor, data={
            "honorific_en": "H.E.", "honorific_th": "ฯพณฯ", "given_name_en": given, "family_name_en": family,
            "given_name_th": foreign_thai(given), "family_name_th": foreign_thai(family), "nationality_id": country_id,
            "biography": f"เอกอัครราชทูตประจำประเทศไทย {FICTIONAL}",
        })
        term_end = term_start + dt.timedelta(days=3 * 365)
        _member(context, current, embassy, term_start, role=("เอกอัครราชทูต", "Ambassador"),
                end=term_end if term_end < context.last_day else None)
        terms.append((current, term_start, term_end))
        term_start = term_end + dt.timedelta(days=1)
    assert current is not None
    return current
