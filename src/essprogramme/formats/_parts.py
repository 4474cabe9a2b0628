"""The parts of a session's card: places, prices, registration, links, people.

Each part is read into phrases (see ``_phrases``) in the chosen language:
texts with fallback, the catalogue's words, times in the chosen zone.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import tzinfo
from decimal import Decimal
from zoneinfo import ZoneInfo

import attrs

from ..model import Link, Location, Participant, Price, Programme, Registration, Session, Speaker
from ..model.vocab import Confirmation, Delivery, LocationKind, ParticipantRole, PriceKind
from ._labels import LINKS, ROLES, Words, base
from ._phrases import (
    Fact,
    Labels,
    Phrase,
    Piece,
    Ref,
    Strong,
    Text,
    href,
    in_language,
    joined,
    local,
    moment,
    optional,
    plain,
    template,
)

__all__ = [
    "Person",
    "Presented",
    "display",
    "links",
    "people",
    "place",
    "price",
    "price_text",
    "signup",
]


@attrs.frozen
class Presented:
    """An initiative a presentation draws on."""

    name: Text
    description: Text | None


@attrs.frozen
class Person:
    """Someone (or an organisation) taking part: the role, who, and their presentation.

    ``role`` is the programme's own word for it (``own_label``) or the
    catalogue's; empty for a speaker without one. ``speaker``: listed among
    the speakers rather than with the moderators, hosts and other roles.
    """

    role: Phrase
    own_label: bool
    speaker: bool
    who: Phrase
    title: Text | None
    abstract: Text | None
    initiatives: tuple[Presented, ...]


# Places, prices, registration, links -------------------------------------


def _ref(url: str) -> Piece:
    target = href(url)
    return Ref(target, url) if target is not None else Text(url)


def _join(parts: Sequence[str], separator: str = ", ") -> str:
    return separator.join(part for part in parts if part)


def _address_of(location: Location) -> str:
    address = location.address
    if address is None:
        return ""
    town = _join([address.postal_code or "", address.locality or ""], " ")
    return _join([address.street or "", town, address.region or "", address.country or ""])


def place(location_id: str, programme: Programme, lang: str, labels: Labels) -> Phrase:
    """A location with the places it is inside, its address and, online, its channel."""
    location = programme.location(location_id)
    around = programme.places_around(location_id)
    names: list[Phrase] = [(in_language(place.name, lang),) for place in around]
    address = next((found for found in map(_address_of, around) if found), "")
    out = list(joined(names))
    if location.kind is LocationKind.ONLINE:
        platform: Phrase = (Text(location.platform),) if location.platform else ()
        out += [" (", *joined([(labels["online"],), platform])]
        out += [": ", _ref(location.url), ")"] if location.url else [")"]
    elif address:
        out += [" — ", Text(address)]
    return tuple(out)


def _amount(amount: Decimal, lang: str) -> str:
    text = format(amount, "f")
    return text.replace(".", ",") if base(lang) in ("fr", "es") else text


def price(price: Price, lang: str, labels: Labels) -> Phrase:
    """``Pass Forum: 90,00 EUR``, ``gratuit``, ``prix libre``, ``prix libre (5,00 EUR)``."""
    kind = {PriceKind.FREE: labels["free"], PriceKind.PAY_WHAT_YOU_CAN: labels["pay_what_you_can"]}
    word = kind.get(price.kind, "")
    amount = ""
    if price.amount is not None:
        amount = f"{_amount(price.amount, lang)} {price.currency or ''}".strip()
    label = in_language(price.label, lang) if price.label is not None else None
    if label and label.value.casefold() == word.casefold():  # "prix libre" says it all
        return (label, f" ({amount})") if amount else (label,)
    body = f"{word} ({amount})" if word and amount else word or amount
    return (label, ": ", body) if label else (body,)


def price_text(price_: Price, lang: str, labels: Labels) -> str:
    """A price as plain text (see :func:`price`)."""
    return plain(price(price_, lang, labels))


def signup(registration: Registration, lang: str, labels: Labels, tz: tzinfo) -> Iterator[Fact]:
    """How to register, places left; the prices; the conditions (a fact of their own)."""
    parts: list[Phrase] = []
    if registration.required is not None:
        parts.append((labels["required"] if registration.required else labels["not_required"],))
    if registration.url:
        parts.append((_ref(registration.url),))
    if registration.email:
        target = href("mailto:" + registration.email, ("mailto:",))
        parts.append((Ref(target, registration.email) if target else Text(registration.email),))
    if registration.deadline is not None:
        day = moment(registration.deadline, tz, with_day=True)
        parts.append(template(labels["until"], day=day))
    if registration.capacity is not None:
        parts.append((labels["places"].format(count=registration.capacity),))
    if registration.full:
        parts.append((labels["full"],))
    elif registration.places_left is not None:
        parts.append((labels["places_left"].format(count=registration.places_left),))
    if parts:
        yield Fact(labels["registration"], joined(parts, " · "), "registration")
    if registration.prices:
        prices = [price(p, lang, labels) for p in registration.prices]
        yield Fact(labels["prices"], joined(prices, "; "), "prices")
    if registration.conditions is not None:
        yield Fact(None, (in_language(registration.conditions, lang),), "conditions")


def links(links: Sequence[Link], url: str | None, lang: str, words: Words) -> Iterator[Fact]:
    """The page's ``url`` and typed links, as one fact (none without any)."""
    shown: list[Phrase] = [(_ref(url),)] if url is not None else []
    for link in links:
        title: Phrase = (" (", in_language(link.title, lang), ")") if link.title is not None else ()
        shown.append((words.word(LINKS, link.kind.value), *title, ": ", _ref(link.url)))
    if shown:
        yield Fact(words["links"], joined(shown, "; "))


# People ------------------------------------------------------------------


def display(organisation_id: str, programme: Programme) -> Text:
    """An organisation's acronym, else its name in its original language."""
    organisation = programme.organisation(organisation_id)
    if organisation.acronym is not None:
        return Text(organisation.acronym)
    return Text(str(organisation.name), organisation.name.original)


def _stripped(pieces: list[Piece]) -> list[Piece]:
    """What ``str.strip`` does to a phrase's text: its ends lose their white space."""

    def edit(piece: Piece, how: str) -> Piece:
        if isinstance(piece, Text):
            value = piece.value.lstrip() if how == "l" else piece.value.rstrip()
            return Text(value, piece.lang)
        assert isinstance(piece, str)
        return piece.lstrip() if how == "l" else piece.rstrip()

    pieces = [edit(pieces[0], "l"), *pieces[1:]]
    return [*pieces[:-1], edit(pieces[-1], "r")]


def _speaker(
    speaker: Speaker, programme: Programme, session: Session, lang: str, words: Words, tz: tzinfo
) -> list[Piece]:
    """``Mme Maud Caruhel — Vice-présidente, Région [13:00 local time, Europe/Paris]``."""
    head: list[Phrase] = []
    if speaker.honorific is not None:
        head.append((in_language(speaker.honorific, lang),))
    if speaker.name is not None:
        head.append((Strong(Text(speaker.name)),))
    if speaker.pronouns is not None:
        head.append(("(", in_language(speaker.pronouns, lang), ")"))
    line = list(joined(head, " "))
    if speaker.office is not None:
        office = in_language(speaker.office, lang)
        if speaker.name is not None:
            line += [", ", office]
        else:
            line = _stripped([*line, " ", office] if line else [office])
    day = local(session.start, tz)[0].date() if session.start is not None else session.start_date
    where: list[Phrase] = []
    for affiliation in speaker.affiliations:
        if affiliation.former:
            continue
        if affiliation.end is not None and day is not None and affiliation.end.latest() < day:
            continue
        role: Phrase = (
            (in_language(affiliation.role, lang), ", ") if affiliation.role is not None else ()
        )
        where.append((*role, display(affiliation.organisation, programme)))
    if where:
        line += [" — ", *joined(where, "; ")]
    if speaker.time_zone is not None and session.start is not None:
        own = moment(session.start, ZoneInfo(speaker.time_zone))
        line += [" [", own, f" {words['local']}, ", Text(speaker.time_zone), "]"]
    return line


def _who(
    participant: Participant,
    programme: Programme,
    session: Session,
    lang: str,
    words: Words,
    tz: tzinfo,
) -> Phrase:
    """The participant's name and positions, then how they take part."""
    if participant.speaker is not None:
        speaker = programme.speaker(participant.speaker)
        line = _speaker(speaker, programme, session, lang, words, tz)
    else:
        assert participant.organisation is not None
        organisation = programme.organisation(participant.organisation)
        name = in_language(organisation.name, lang)
        line = [Strong(name)]
        if organisation.acronym is not None and organisation.acronym != name.value:
            line += [" (", Text(organisation.acronym), ")"]
    if participant.delivery in (Delivery.REMOTE_LIVE, Delivery.RECORDED):
        line += [" [", words[participant.delivery.value], "]"]
    if participant.confirmation is Confirmation.TO_BE_CONFIRMED:
        line += [" (", words["to_be_confirmed"], ")"]
    return tuple(line)


def people(
    session: Session, programme: Programme, lang: str, words: Words, tz: tzinfo
) -> Iterator[Person]:
    """Moderators, hosts and the other roles first, then the speakers."""
    others = [p for p in session.participants if p.role is not ParticipantRole.SPEAKER]
    speakers = [p for p in session.participants if p.role is ParticipantRole.SPEAKER]
    for participant in (*others, *speakers):
        speaker = participant.role is ParticipantRole.SPEAKER
        role: Phrase = ()
        if participant.label is not None:
            role = (in_language(participant.label, lang),)
        elif participant.role is ParticipantRole.MODERATOR:
            role = (words["moderation"],)
        elif not speaker:
            role = (words.word(ROLES, participant.role.value),)
        yield Person(
            role=role,
            own_label=participant.label is not None,
            speaker=speaker,
            who=_who(participant, programme, session, lang, words, tz),
            title=optional(participant.title, lang),
            abstract=optional(participant.abstract, lang),
            initiatives=tuple(
                Presented(in_language(i.name, lang), optional(i.description, lang))
                for i in map(programme.initiative, participant.initiatives)
            ),
        )
