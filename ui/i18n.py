"""The text catalogue as the pages see it: one catalogue, kept in models/texts.py so models can use it too."""
from models.texts import LANG_NAMES, LANGS, LOCALES, STRINGS, fmt_auto, fmt_date, fmt_datetime, fmt_number, fmt_percent, t

__all__ = ["LANG_NAMES", "LANGS", "LOCALES", "STRINGS", "fmt_auto", "fmt_date", "fmt_datetime", "fmt_number", "fmt_percent", "t"]
