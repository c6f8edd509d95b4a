"""Fault and security checks that need no browser: corrupt versions, an unwritable database, XSRF, raw HTML."""
import ast
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from models.store import DataStore

ROOT = Path(__file__).resolve().parents[1]


def test_a_corrupt_current_version_is_refused_and_the_previous_one_served(tmp_path, monkeypatch):
    store = DataStore(tmp_path / "store", seed_dir=ROOT / "data")
    store.ensure()
    files = store.files()
    v2 = store.commit(files, "a", "same data, new version", {})
    (store.path(v2) / "targets.csv").write_text("broken", encoding="utf-8")
    monkeypatch.setenv("LOTRINH_STORE", str(store.root))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception
    assert any("v0002" in e.value and "hỏng" in e.value for e in at.sidebar.error)
    assert any("v0001-" in c.value for c in at.sidebar.caption)


def test_an_unwritable_scenario_database_leaves_the_app_working_read_only(tmp_path, monkeypatch):
    blocker = tmp_path / "not_a_dir"
    blocker.write_text("x")
    monkeypatch.setenv("LOTRINH_DB", str(blocker / "db.sqlite3"))
    at = AppTest.from_file(str(ROOT / "app_pages" / "meeting.py"), default_timeout=120)
    at.session_state["lang"] = "vi"
    at.run()
    assert not at.exception
    assert any("chỉ đọc" in e.value for e in at.error)
    assert at.title and at.button(key="build_PPTX")


def test_xsrf_protection_stays_on():
    from streamlit import config

    config.get_config_options(force_reparse=True, options_from_flags={})
    assert config.get_option("server.enableXsrfProtection") is True
    text = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert "enableXsrfProtection" not in text and "enableCORS" not in text


def _unsafe_html_calls(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and any(k.arg == "unsafe_allow_html" and getattr(k.value, "value", False)
                                              for k in node.keywords):
            yield node


@pytest.mark.parametrize("path", sorted((ROOT / "app_pages").glob("*.py")) + sorted((ROOT / "ui").glob("*.py"))
                         + [ROOT / "app.py"], ids=lambda p: p.name)
def test_raw_html_is_only_ever_a_constant_string(path):
    for call in _unsafe_html_calls(path):
        assert call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str), \
            f"{path.name}:{call.lineno} passes non-constant text with unsafe_allow_html"
