"""Coded notes: what an assessment or a forecast wants to tell the reader, in either language.

A note is a code and its parameters (as `catalog.Problem` is); its text comes from the one text
catalogue (`models/texts.py`, keys `note_<code>`). It is also a `str` — its English text — so logs,
the CLI table and CSV exports read as before, while pages call `note.text(lang)`.
Parameters may be numbers (formatted in the reader's language), plain strings, or {"vi": …, "en": …}
(names of territories and indicators).
"""
from __future__ import annotations


class Note(str):
    code: str
    params: dict

    def __new__(cls, code: str, **params: object) -> "Note":
        obj = super().__new__(cls, _render(code, params, "en", bare=False))
        obj.code, obj.params = code, params
        return obj

    def text(self, lang: str = "vi", bare: bool = False) -> str:
        """The note in `lang`; an 'insufficient data' note starts with those words unless `bare`."""
        return _render(self.code, self.params, lang, bare)

    def __reduce__(self):   # pickling (st.cache_data) keeps code and parameters
        return (_rebuild, (self.code, self.params))


def _rebuild(code: str, params: dict) -> Note:
    return Note(code, **params)


def _render(code: str, params: dict, lang: str, bare: bool = True) -> str:
    from models.texts import fmt_auto, t

    shown = {}
    for k, v in params.items():
        if isinstance(v, dict):
            v = v.get(lang) or v.get("en") or ""
        elif isinstance(v, int):          # bool included
            v = str(v)
        elif isinstance(v, float):
            v = fmt_auto(v, lang)
        shown[k] = v
    out = t(f"note_{code}", lang, **shown)
    return out if bare or not code.startswith("insufficient") else t("note_insufficient_prefix", lang, text=out)


def _both(frame, column: str, value: str) -> dict:
    row = None if frame is None else frame[frame[column] == value]
    if row is None or row.empty:
        return {"vi": str(value), "en": str(value)}
    return {"vi": str(row["name_vi"].iloc[0]), "en": str(row["name_en"].iloc[0])}


def names(cat, territory_id: str) -> dict:
    """A territory's name in both languages, for a note's parameter (the id if the catalogue lacks it)."""
    return _both(getattr(cat, "territories", None), "territory_id", territory_id)


def indicator_names(cat, indicator_id: str) -> dict:
    return _both(getattr(cat, "indicators", None), "indicator_id", indicator_id)


def text(note: str, lang: str, bare: bool = False) -> str:
    """A note's text in `lang` (plain strings, e.g. from an older stored table, are shown as they are)."""
    return note.text(lang, bare) if isinstance(note, Note) else str(note)


def is_insufficient(note: str) -> bool:
    return isinstance(note, Note) and note.code.startswith("insufficient")
