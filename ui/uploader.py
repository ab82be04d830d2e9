"""The file uploader: Streamlit's, its texts said in the session's language by every page's shell
(`ui.language.streamlit_texts_in_language`)."""

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

MAX_UPLOAD_MB = 1


def yaml_uploader(label: str, key: str) -> UploadedFile | None:
    """A YAML file chosen by the user (the browser refuses more than 1 Mo, the model more than 256 Ko)."""
    upload = st.file_uploader(label, type=["yaml", "yml"], key=key, max_upload_size=MAX_UPLOAD_MB)
    return upload if isinstance(upload, UploadedFile) else None
