"""One text catalogue: every key the code asks for exists in both languages, and every key defined is asked for."""
import re
import string
from pathlib import Path

from models.texts import LANGS, STRINGS

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py")),
           *sorted((ROOT / "models").glob("*.py"))]
LITERAL = re.compile(r"""\bt\(\s*["']([a-z0-9_]+)["']""")
DYNAMIC = re.compile(r"""\bt\(\s*f?["']([a-z0-9_]+)(?:\{|["']\s*\+)""")   # t(f"state_{x}") / t("verdict_" + x)
NOTE = re.compile(r"""\bNote\(\s*["']([a-z0-9_]+)["']""")
NOTE_CHOICE = re.compile(r"""Note\(\s*["']([a-z0-9_]+)["']\s+if\s+.+?\s+else\s+["']([a-z0-9_]+)["']""")
QUOTED = re.compile(r"""["']([a-z0-9_]+)["']""")   # keys handed over as data (t(code), t("a" if x else "b"))


def _used() -> tuple[set[str], set[str]]:
    literal, prefixes = set(), set()
    for path in SOURCES:
        if path.name == "texts.py":
            continue
        text = path.read_text(encoding="utf-8")
        literal |= {k for k in QUOTED.findall(text) if k in STRINGS}
        literal |= set(LITERAL.findall(text))
        prefixes |= set(DYNAMIC.findall(text))
        literal |= {f"note_{c}" for c in NOTE.findall(text)}
        for a, b in NOTE_CHOICE.findall(text):
            literal |= {f"note_{a}", f"note_{b}"}
    return literal, prefixes


def test_every_key_used_exists_in_both_languages():
    literal, _ = _used()
    missing = sorted(k for k in literal if k not in STRINGS and not k.endswith("_"))
    assert not missing, missing
    for key, entry in STRINGS.items():
        assert set(entry) == set(LANGS) and all(entry[lg].strip() for lg in LANGS), key


def test_both_languages_use_the_same_placeholders():
    for key, entry in STRINGS.items():
        fields = [{f for _, f, _, _ in string.Formatter().parse(entry[lg]) if f} for lg in LANGS]
        assert fields[0] == fields[1], key


def test_every_key_defined_is_used():
    literal, prefixes = _used()
    unused = sorted(k for k in STRINGS if k not in literal and not any(k.startswith(p) for p in prefixes)
                    and k != "note_insufficient_prefix")
    assert not unused, unused


def test_assessment_notes_read_in_the_page_language():
    """No English note inside a Vietnamese sentence: the target page says why in the reader's language."""
    from tests.test_pages import open_page

    vi = open_page("app_pages/target.py", "vi", params={"target": "kh402_5g_2030"})
    warning = " ".join(w.value for w in vi.warning)
    assert "Chưa đủ số liệu để dự báo: chưa có giá trị nào của chỉ tiêu này cho địa bàn này" in warning
    shown = " ".join([w.value for w in vi.warning] + [c.value for c in vi.caption])
    assert "insufficient data" not in shown and "no value of this indicator" not in shown
    en = open_page("app_pages/target.py", "en", params={"target": "kh402_5g_2030"})
    assert "no value of this indicator for this territory" in " ".join(w.value for w in en.warning)


def test_a_target_of_a_ceased_territory_says_so_on_its_page():
    from tests.test_pages import open_page

    at = open_page("app_pages/target.py", "vi", params={"target": "qd325_grdp_growth_2030"})
    assert any("không còn tồn tại từ 2025" in w.value for w in at.warning)


def test_notes_survive_pickling_with_their_code():
    import pickle

    from models.notes import Note

    n = Note("gap", year=2016, first=2012, last=2014)
    back = pickle.loads(pickle.dumps(n))
    assert back.code == "gap" and back.text("vi").startswith("đứt quãng trước năm 2016") and str(back) == str(n)


def test_stored_utc_times_are_shown_in_viet_nam_time_in_each_language():
    from models.texts import fmt_datetime

    assert fmt_datetime("2026-12-02T20:15:00+00:00", "vi") == "03:15 3/12/2026"
    assert fmt_datetime("2026-12-02T20:15:00+00:00", "en") == "3 Dec 2026, 03:15"
    assert fmt_datetime("", "vi") == "–" and fmt_datetime("not a time", "en") == "not a time"


def test_a_data_version_reads_and_writes_its_one_spelling():
    from models.store import DataVersion

    v = DataVersion.parse("v0002-1a2b3c4d5e")
    assert (v.version_id, v.checksum, str(v)) == ("v0002", "1a2b3c4d5e", "v0002-1a2b3c4d5e")
    assert str(DataVersion.parse("v0003")) == "v0003"
