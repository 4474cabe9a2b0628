"""The texts of an iCalendar event: its description, its places, its people.

Written in the language chosen (texts with fallback, the words of the
readable formats' catalogue, :mod:`.._labels`), as plain text:
:mod:`._text` escapes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

from ...model import Participant, Programme, Registration, Session, Speaker
from ...model.vocab import (
    Confirmation,
    Delivery,
    LocationKind,
    ParticipantRole,
    PriceKind,
    SessionStatus,
)
from .._labels import ACCESSIBILITY, FORMATS, LINKS, ROLES, STATUS, Words

__all__ = ["EventTexts", "person"]


class EventTexts:
    """Texts for the events of one calendar: a programme, languages, words, zones."""

    def __init__(
        self,
        programme: Programme,
        preferences: tuple[str, ...],
        words: Words,
        zone_of: Callable[[Session], str],
    ) -> None:
        self.programme = programme
        self.preferences = preferences
        self.words = words
        self.zone_of = zone_of

    def _clock(self, moment: datetime, zone: str) -> str:
        local = moment.astimezone(ZoneInfo(zone))
        return f"{local.date().isoformat()} {local:%H:%M} ({zone})"

    def description(self, session: Session, status: SessionStatus) -> str:
        """The ``DESCRIPTION``: status, format and languages, people, texts, registration, links."""
        return "\n".join(self._lines(session, status))

    def _lines(self, session: Session, status: SessionStatus) -> Iterator[str]:
        programme, prefs, w = self.programme, self.preferences, self.words
        if status is SessionStatus.POSTPONED:
            yield f"{w.word(STATUS, status.value)}: {w['postponed_note']}"
        elif status is not SessionStatus.SCHEDULED:
            yield w.word(STATUS, status.value)
        meta = [w.word(FORMATS, session.format.value)]
        if session.languages:
            spoken = ", ".join(session.languages)
            if session.interpretation:
                spoken += f" ({w['interpretation']}: {', '.join(session.interpretation)})"
            meta.append(f"{w['languages']}: {spoken}")
        yield " · ".join(meta)
        if session.previous_starts:
            zone = self.zone_of(session)
            before = ", ".join(self._clock(moment, zone) for moment in session.previous_starts)
            yield f"{w['previously']}: {before}"
        if session.parent is not None:
            yield f"{w['part_of']}: {programme.session(session.parent).title.lookup(*prefs)}"
        for participant in session.participants:
            yield from self._participant(participant)
        if session.description is not None:
            yield ""
            yield session.description.lookup(*prefs)
        if session.objectives:
            yield ""
            yield f"{w['objectives']}:"
            yield from (f"{n}. {o.lookup(*prefs)}" for n, o in enumerate(session.objectives, 1))
        if session.questions:
            yield ""
            yield f"{w['questions']}:"
            yield from (f"- {question.lookup(*prefs)}" for question in session.questions)
        if session.registration is not None:
            yield ""
            yield from self._registration(session.registration, session)
        if session.accessibility or session.accessibility_notes is not None:
            features = [w.word(ACCESSIBILITY, f.value) for f in sorted(session.accessibility)]
            if session.accessibility_notes is not None:
                features.append(session.accessibility_notes.lookup(*prefs))
            yield f"{w['accessibility']}: {', '.join(features)}"
        links = [
            w.word(LINKS, link.kind.value)
            + (f" ({link.title.lookup(*prefs)})" if link.title is not None else "")
            + f": {link.url}"
            for link in session.links
        ]
        if links:
            yield f"{w['links']}: " + "; ".join(links)
        if session.recording is not None:
            verdict = w["recording_allowed" if session.recording.allowed else "recording_refused"]
            licence = f" ({session.recording.licence})" if session.recording.licence else ""
            yield f"{w['recording']}: {verdict}{licence}"

    def _participant(self, participant: Participant) -> Iterator[str]:
        programme, prefs, w = self.programme, self.preferences, self.words
        if participant.label is not None:
            role = participant.label.lookup(*prefs)
        elif participant.role is ParticipantRole.MODERATOR:
            role = w["moderation"]
        elif participant.role is ParticipantRole.SPEAKER:
            role = w["speaker"]
        else:
            role = w.word(ROLES, participant.role.value)
        if participant.speaker is not None:
            who = person(programme.speaker(participant.speaker), prefs)
            positions = self._positions(programme.speaker(participant.speaker))
            if positions:
                who += " — " + positions
        else:
            assert participant.organisation is not None
            organisation = programme.organisation(participant.organisation)
            who = organisation.name.lookup(*prefs)
            if organisation.acronym is not None and organisation.acronym != who:
                who += f" ({organisation.acronym})"
        if participant.delivery in (Delivery.REMOTE_LIVE, Delivery.RECORDED):
            who += f" ({w[participant.delivery.value]})"
        if participant.confirmation is Confirmation.TO_BE_CONFIRMED:
            who += f" ({w['to_be_confirmed']})"
        yield f"{role}: {who}"
        if participant.title is not None:
            yield f"  « {participant.title.lookup(*prefs)} »"

    def _positions(self, speaker: Speaker) -> str:
        held = []
        for affiliation in speaker.affiliations:
            if affiliation.former:
                continue
            organisation = self.programme.organisation(affiliation.organisation).display_name
            if affiliation.role is not None:
                held.append(f"{affiliation.role.lookup(*self.preferences)}, {organisation}")
            else:
                held.append(organisation)
        return "; ".join(held)

    def _registration(self, registration: Registration, session: Session) -> Iterator[str]:
        w = self.words
        parts = []
        if registration.required is not None:
            parts.append(w["required"] if registration.required else w["not_required"])
        parts += [registration.url or "", registration.email or ""]
        if registration.deadline is not None:
            moment = self._clock(registration.deadline, self.zone_of(session))
            parts.append(w["until"].format(day=moment))
        if registration.capacity is not None:
            parts.append(w["places"].format(count=registration.capacity))
        if registration.full:
            parts.append(w["full"])
        elif registration.places_left is not None:
            parts.append(w["places_left"].format(count=registration.places_left))
        parts = [part for part in parts if part]
        if parts:
            yield f"{w['registration']}: " + " · ".join(parts)
        prices = []
        for price in registration.prices:
            amount = f"{price.amount:f} {price.currency}" if price.amount is not None else ""
            kind = {PriceKind.FREE: w["free"], PriceKind.PAY_WHAT_YOU_CAN: w["pay_what_you_can"]}
            body = " ".join(part for part in (kind.get(price.kind, ""), amount) if part)
            if price.label is not None:
                body = f"{price.label.lookup(*self.preferences)}: {body}"
            prices.append(body)
        if prices:
            yield f"{w['prices']}: " + "; ".join(prices)
        if registration.conditions is not None:
            yield registration.conditions.lookup(*self.preferences)

    # Places -----------------------------------------------------------

    def place(self, location_id: str) -> str:
        """A place for ``LOCATION``: its name, the places it is inside, an address or a channel."""
        chain = self.programme.places_around(location_id)
        text_ = ", ".join(place.name.lookup(*self.preferences) for place in chain)
        if chain[0].kind is LocationKind.ONLINE:
            channel = ", ".join(part for part in (self.words["online"], chain[0].platform) if part)
            url = f": {chain[0].url}" if chain[0].url else ""
            return f"{text_} ({channel}{url})"
        for place in chain:
            address = place.address
            if address is not None:
                town = " ".join(p for p in (address.postal_code, address.locality) if p)
                parts = (address.street, town, address.region, address.country)
                written = ", ".join(part for part in parts if part)
                if written:
                    return f"{text_} — {written}"
        return text_

    def coordinates(self, session: Session) -> tuple[float, float] | None:
        """The ``GEO`` of a session: its first place's, or the building's it is in."""
        for location_id in session.locations:
            for place in self.programme.places_around(location_id):
                if place.coordinates is not None:
                    return place.coordinates.latitude, place.coordinates.longitude
        return None


def person(speaker: Speaker, preferences: tuple[str, ...]) -> str:
    """``Mme Amina Haddad``; someone known by an office alone, by that office."""
    parts = []
    if speaker.honorific is not None:
        parts.append(speaker.honorific.lookup(*preferences))
    if speaker.name is not None:
        parts.append(speaker.name)
    line = " ".join(parts)
    if speaker.office is not None:
        office = speaker.office.lookup(*preferences)
        line = f"{line}, {office}" if speaker.name is not None else f"{line} {office}".strip()
    return line
