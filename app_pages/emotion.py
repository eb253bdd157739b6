"""Emotion: read the expression live (or from a snapshot/upload), confirm it, carry it to chat."""

import streamlit as st

from core.emotions import EMOJI, label
from core.image_input import ACCEPTED_EXTENSIONS
from ui import live_view, pages
from ui.emotion_state import JUST_SAVED, AccountMoods, pending_capture, set_pending_capture
from ui.emotion_view import confirm_step, mood_line
from ui.photo import read_photo
from ui.resources import vision_ready
from ui.state import lang, require_user, tr

user = require_user()
moods = AccountMoods(user.id)
st.title(f"🎥 {tr('emotion.title')}")
# Always one line here, mood or not: an element appearing above the video after the
# first save would shift it in the page, and the browser would remount (stop) it.
mood = moods.current()
st.caption(
    f"{tr('emotion.current_mood')}: "
    f"{mood_line(mood) if mood is not None else tr('emotion.no_mood_yet')}"
)

with st.expander(tr("emotion.consent_title"), expanded=not st.session_state.get("camera_consent")):
    st.markdown(tr("emotion.consent_body"))
    st.page_link(pages.MODEL_CARD, label=tr("emotion.model_card_link"), icon="📊")
consent = st.checkbox(tr("emotion.consent_check"), key="camera_consent")

if consent:
    vision_ready()
    modes = {
        "live": tr("emotion.mode_live"),
        "snapshot": tr("emotion.mode_snapshot"),
        "upload": tr("emotion.mode_upload"),
    }
    mode = (
        st.segmented_control(
            tr("emotion.mode"),
            list(modes),
            format_func=modes.__getitem__,
            default="live",
            key="emotion_mode",
            # Another way of reading: the last one's card and result go.
            on_change=set_pending_capture,
            args=(None,),
        )
        or "live"
    )

    if mode == "live":
        live_view.render()
    elif mode == "snapshot":
        shot = st.camera_input(tr("emotion.snapshot_label"), key="snapshot")
        if shot is not None:
            read_photo(shot.getvalue(), source="snapshot", key=f"snap-{shot.file_id}")
    else:
        upload = st.file_uploader(
            tr("emotion.upload_label"), type=list(ACCEPTED_EXTENSIONS), key="upload"
        )
        if upload is not None:
            read_photo(upload.getvalue(), source="upload", key=f"up-{upload.file_id}")

capture = pending_capture()
if capture is not None and confirm_step(capture, moods) is not None:
    st.session_state[JUST_SAVED] = capture.id
    st.rerun()

if capture is None and st.session_state.get(JUST_SAVED) and mood is not None:
    # Only right after saving: a new photo, a broken file or another mode clears it.
    with st.container(border=True):
        st.success(
            tr("emotion.saved", emoji=EMOJI[mood.emotion], label=label(mood.emotion, lang()))
        )
        if st.button(tr("emotion.go_chat"), type="primary", key="go_chat"):
            st.session_state.pop(JUST_SAVED, None)
            st.switch_page(pages.CHAT)
