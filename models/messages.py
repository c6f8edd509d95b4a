"""Data errors (models.catalog.Problem) in words: the templates are the catalogue's `msg_*` entries (models/texts.py)."""
from __future__ import annotations


def render(code: str, lang: str, **params: object) -> str:
    """Fill one message template; unknown languages fall back to Vietnamese; a {lang: text} parameter is localised."""
    from models.texts import t

    shown = {k: (v.get(lang) or v.get("vi", "")) if isinstance(v, dict) else v for k, v in params.items()}
    return t(f"msg_{code}", lang, **shown)
