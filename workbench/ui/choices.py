"""Choices for the visit widgets' drop-downs, read once through the services (not a widget)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from workbench.db import new_session
from workbench.i18n import current_lang
from workbench.models.people import PostRead
from workbench.services import people
from workbench.services.countries import list_countries

Choice = tuple[str, int]


@dataclass
class Choices:
    """Principals (senior first), countries (by Thai name) and person look-ups, for one language."""

    engine: Engine
    today: dt.date
    lang: str = field(default_factory=current_lang)
    principals: list[Choice] = field(default_factory=list)
    countries: list[Choice] = field(default_factory=list)

    def __post_init__(self) -> None:
        with new_session(self.engine) as session:
            self.principals = [(f"{person.display_name(self.lang)} ({_post_label(post, self.lang)})", person.id)
                               for post, person in people.principals(session, on=self.today)]
            self.countries = [(c.display_name(self.lang), c.id)
                              for c in list_countries(session)]
            if self.lang != "th":
                self.countries.sort()

    def search_people(self, text: str) -> list[Choice]:
        """People found by part of a name, post or organisation, labelled as ``person_labels`` labels them."""
        with new_session(self.engine) as session:
            found = [p.id for p in people.search_people(session, text=text, limit=40, on=self.today)]
            return self._labelled(session, found)

    def person_labels(self, ids: list[int]) -> list[Choice]:
        """'นายสมชาย ใจดี — สมาชิกวุฒิสภา, วุฒิสภา': what a person picker shows, to tell namesakes apart."""
        with new_session(self.engine) as session:
            return self._labelled(session, list(ids))

    def _labelled(self, session, ids: list[int]) -> list[Choice]:
        return [(c.label, c.person_id) for c in people.describe_people(session, ids=ids, on=self.today, lang=self.lang)]

    def person_names(self, ids: list[int]) -> list[Choice]:
        with new_session(self.engine) as session:
            return [(p.display_name(self.lang), p.id) for p in people.get_people(session, ids=list(ids))]

    def name_of(self, person_id: int | None) -> str:
        if person_id is None:
            return ""
        found = self.person_names([person_id])
        return found[0][0] if found else f"#{person_id}"


def _post_label(post: PostRead, lang: str) -> str:
    return post.label_th if lang == "th" else post.label_en or post.label_th
