"""Multilingual text: one string per BCP 47 language tag, with fallback."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..errors import Problem, ValidationError
from ._formats import has_lone_surrogate, is_language_tag

__all__ = ["LocalizedText"]

# Tags already seen well formed: the hot path skips the pattern for them.
_GOOD_TAGS: set[str] = set()


def _name(value: object, python: bool) -> str:
    from ._rules import python_name, type_name

    return python_name(value) if python else type_name(value)


def _text_problems(texts: dict[Any, Any], python: bool) -> list[Problem]:
    """Every problem of a map of language tag to text (the slow path, on failure only)."""
    problems: list[Problem] = []
    if not texts:
        problems.append(
            Problem(location=(), code="empty", message="needs a text in at least one language")
        )
    seen: dict[str, str] = {}
    for tag, text in texts.items():
        if type(tag) is not str:
            problems.append(
                Problem(
                    location=(),
                    code="type",
                    message=f"language tags must be strings, got {_name(tag, python)}",
                )
            )
            continue
        if is_language_tag(tag):
            if tag.lower() in seen:
                problems.append(
                    Problem(
                        location=(tag,),
                        code="duplicate_language",
                        message=f"the same language as {seen[tag.lower()]!r}",
                    )
                )
            seen.setdefault(tag.lower(), tag)
        else:
            problems.append(
                Problem(
                    location=(tag,),
                    code="unicode" if has_lone_surrogate(tag) else "language_tag",
                    message=f"is not a BCP 47 language tag: {tag[:40]!r}",
                )
            )
        if type(text) is not str:
            wanted = "str" if python else "a string"
            problems.append(
                Problem(
                    location=(tag,),
                    code="type",
                    message=f"expected {wanted}, got {_name(text, python)}",
                )
            )
        elif has_lone_surrogate(text):
            problems.append(
                Problem(
                    location=(tag,),
                    code="unicode",
                    message="holds a lone surrogate: not Unicode text",
                )
            )
        elif not text or text.isspace():
            problems.append(
                Problem(location=(tag,), code="empty", message="must not be empty or blank")
            )
    return problems


def _adopt(texts: dict[Any, Any], python: bool) -> LocalizedText:
    """Check ``texts`` and make it the new text's own dict: the one check of every text."""
    for tag, text in texts.items():
        if (
            tag not in _GOOD_TAGS
            or type(tag) is not str  # a subclass equal to a good tag is not one
            or type(text) is not str
            or not text
            or text.isspace()
            or has_lone_surrogate(text)
        ):
            problems = _text_problems(texts, python)
            if problems:
                raise ValidationError(problems)
            if len(_GOOD_TAGS) > 4096:  # a bounded cache, like the instants'
                _GOOD_TAGS.clear()
            _GOOD_TAGS.update(texts)  # every tag is well formed: skip the pattern next time
            break
    if not texts or (len(texts) > 1 and len({tag.lower() for tag in texts}) != len(texts)):
        raise ValidationError(_text_problems(texts, python))
    result: LocalizedText = _new(LocalizedText)
    _set_texts(result, texts)
    return result


class LocalizedText(Mapping[str, str]):
    """Text meant for readers, in one or more languages.

    An immutable, hashable mapping from a BCP 47 language tag to a non-empty
    string. The first entry is the original; the others are translations.
    Equality ignores the order of entries; serialisation keeps it.

    >>> title = LocalizedText({"fr": "Des partenariats innovants", "en": "Innovative partnerships"})
    >>> title["fr"]
    'Des partenariats innovants'
    >>> title.lookup("fr-CA")           # falls back from fr-CA to fr
    'Des partenariats innovants'
    >>> title.lookup("de")              # no German: the original
    'Des partenariats innovants'
    >>> title.lookup("de", "en")        # preferences in order
    'Innovative partnerships'
    >>> LocalizedText({"fr": ""})
    Traceback (most recent call last):
    ...
    essprogramme.errors.ValidationError: 1 problem:
      $.fr: must not be empty or blank [empty]
    """

    __slots__ = ("_texts",)

    _texts: dict[str, str]

    def __new__(cls, texts: Mapping[str, str]) -> LocalizedText:
        if not isinstance(texts, Mapping):
            raise ValidationError(
                [
                    Problem(
                        location=(),
                        code="type",
                        message=f"expected a mapping of language tag to str, got {_name(texts, True)}",
                    )
                ]
            )
        return _adopt(dict(texts), python=True)

    # Mapping protocol -------------------------------------------------

    def __getitem__(self, tag: str) -> str:
        return self._texts[tag]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __contains__(self, tag: object) -> bool:
        return tag in self._texts

    def __eq__(self, other: object) -> bool:
        if type(other) is LocalizedText:
            return self._texts == other._texts
        return NotImplemented

    def __hash__(self) -> int:
        return hash(frozenset(self._texts.items()))

    def __repr__(self) -> str:
        return f"LocalizedText({self._texts!r})"

    def __reduce__(self) -> tuple[type[LocalizedText], tuple[dict[str, str]]]:
        return (LocalizedText, (self._texts,))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"LocalizedText is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"LocalizedText is immutable: cannot delete {name!r}")

    # Reading ----------------------------------------------------------

    @property
    def original(self) -> str:
        """The language tag of the first entry, taken as the original."""
        return next(iter(self._texts))

    def as_dict(self) -> dict[str, str]:
        """A fresh ``dict`` of the entries, in order."""
        return dict(self._texts)

    def match(self, *preferences: str) -> str:
        """The tag to show for these preferred languages, most preferred first.

        For each preference, an exact (case-insensitive) tag wins, then its
        shorter forms (``fr-CA`` → ``fr``), then a more specific tag of the
        same language (``fr`` → ``fr-BE``). With no match, the original.

        >>> LocalizedText({"en": "Hub", "fr-BE": "Pôle"}).match("fr")
        'fr-BE'
        """
        lowered = {tag.lower(): tag for tag in self._texts}
        for preference in preferences:
            wanted = preference.lower()
            while wanted:
                if wanted in lowered:
                    return lowered[wanted]
                for tag_lower, tag in lowered.items():
                    if tag_lower.startswith(wanted + "-"):
                        return tag
                wanted = wanted.rpartition("-")[0]
        return self.original

    def lookup(self, *preferences: str) -> str:
        """The text in the best language for ``preferences`` (see :meth:`match`)."""
        return self._texts[self.match(*preferences)]

    def __str__(self) -> str:
        return self._texts[self.original]


_set_texts = LocalizedText._texts.__set__  # type: ignore[attr-defined]
_new = object.__new__


def read_json_text(texts: Any) -> LocalizedText:
    """A text from a JSON object that the caller keeps: the dict is copied first."""
    if type(texts) is not dict:
        raise ValidationError([_not_an_object(texts)])
    return _adopt(dict(texts), python=False)


def adopt_parsed_text(texts: Any) -> LocalizedText:
    """A text from a JSON object just parsed by our reader, taken over without a copy.

    The hot path of decoding: one call, tags already seen, strings known to
    be Unicode (the reader refuses lone surrogates).
    """
    if type(texts) is dict and texts:
        for tag, text in texts.items():
            if tag not in _GOOD_TAGS or type(text) is not str or not text or text.isspace():
                break
        else:
            if len(texts) == 1 or len({tag.lower() for tag in texts}) == len(texts):
                result: LocalizedText = _new(LocalizedText)
                _set_texts(result, texts)
                return result
    if type(texts) is not dict:
        raise ValidationError([_not_an_object(texts)])
    return _adopt(texts, python=False)


def _not_an_object(value: Any) -> Problem:
    return Problem(
        location=(),
        code="type",
        message=f"expected an object of language tag to text, got {_name(value, False)}",
    )
