"""The file uploader in the session's language: Streamlit draws its texts in English, a small script
says them in French while the app is in French."""

import json
from pathlib import Path

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from tpt_model.i18n import current_language

# A fixed script of ours (no user text in it): it rewrites the uploader's English texts and labels.
_SCRIPT = (Path(__file__).parent / "static" / "uploader_fr.js").read_text(encoding="utf-8")
MAX_UPLOAD_MB = 1


def yaml_uploader(label: str, key: str) -> UploadedFile | None:
    """A YAML file chosen by the user (the browser refuses more than 1 Mo, the model more than 256 Ko)."""
    upload = st.file_uploader(label, type=["yaml", "yml"], key=key, max_upload_size=MAX_UPLOAD_MB)
    # The language first: the script, once installed, reads it at every change of the page.
    language = json.dumps(current_language())
    st.html(
        f"<script>window.tptLanguage = {language}; window.tptUploaderTranslate?.();{_SCRIPT}</script>",
        unsafe_allow_javascript=True,
    )
    return upload if isinstance(upload, UploadedFile) else None
