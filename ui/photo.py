"""Read the expression in one photo (snapshot or upload) and offer it for confirmation."""

from __future__ import annotations

import streamlit as st

from core.capture import Capture
from core.image_input import ImageRejected, decode_image
from core.overlay import draw_faces
from core.vision import analyze
from ui.emotion_state import set_pending_capture
from ui.state import lang, tr

_PHOTO_READ = "photo_read"  # (file key, capture id) of the photo whose capture is offered


def read_photo(data: bytes, *, source: str, key: str) -> None:
    """Decode, analyse and show the photo; the first time a photo is seen, capture it.

    The capture is built here, once, from the largest face as drawn on the photo;
    the card and the saved reading use it unchanged. A photo that cannot be read
    (broken, no face) takes the previous photo's result away with it. The image
    exists only in this function's memory (and the browser): it is never written
    to disk or the database.
    """
    try:
        image = decode_image(data)
    except ImageRejected as rejected:
        _forget(key)
        st.error(tr(rejected.reason, **rejected.values), icon="⚠️")
        return
    faces = analyze(image.bgr)
    if not faces:
        _forget(key)
        st.warning(tr("emotion.no_face"), icon="🙈")
        return
    annotated = draw_faces(image.bgr, faces, lang())
    st.image(annotated[:, :, ::-1], width="content")
    seen = st.session_state.get(_PHOTO_READ)
    if seen is None or seen[0] != key:
        capture = Capture.of_face(faces[0], source=source, faces=len(faces))
        st.session_state[_PHOTO_READ] = (key, capture.id)
        set_pending_capture(capture)


def _forget(key: str) -> None:
    """This photo has no reading: drop the result shown for an earlier one."""
    st.session_state[_PHOTO_READ] = (key, None)
    set_pending_capture(None)  # the card, and the last "saved" result, go too
