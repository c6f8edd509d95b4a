"""Chart images for the meeting pack: one kaleido server (Debian's Chromium) kept alive per process."""
from __future__ import annotations

import warnings

import plotly.graph_objects as go
import streamlit as st


@st.cache_resource(show_spinner=False)
def _server() -> bool:
    import kaleido

    kaleido.start_sync_server(mathjax=False, silence_warnings=True)   # ~3 s once, then ~0.3 s per figure
    return True


def png(fig: go.Figure, width: int = 1100, height: int = 560) -> bytes:
    _server()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        return fig.to_image(format="png", width=width, height=height, scale=2)
