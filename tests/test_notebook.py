"""The analyst notebook runs top to bottom with the app's own models (nbclient), so it cannot rot."""
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def test_analyst_notebook_executes():
    nb = nbformat.read(ROOT / "notebooks" / "analyst.ipynb", as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = " ".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "P(meet): baseline" in text
