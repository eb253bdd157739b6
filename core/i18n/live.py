"""Strings of the live video readout: its fault states and how fresh its reading is."""

STRINGS: dict[str, dict[str, str]] = {
    "live.analysis_failed": {
        "ko": "지금은 표정을 읽지 못하고 있어요. 영상은 계속 나오고, 곧 다시 시도해요.",
        "en": "Reading expressions is failing right now. The video keeps going and it "
        "keeps trying.",
    },
    "live.waiting_first": {
        "ko": "첫 결과를 기다리는 중이에요…",
        "en": "Waiting for the first reading…",
    },
    "live.rate_age": {
        "ko": "표정 분석 초당 {rate:.1f}회 · 이 결과는 {age:.1f}초 전 것이에요",
        "en": "Expression read {rate:.1f}× a second · this reading is {age:.1f} s old",
    },
    "live.full": {
        "ko": "지금은 실시간 영상을 쓰는 분이 많아요 ({n}명). 잠시 후 다시 해 보거나 "
        "'사진 한 장 찍기'나 '사진 올리기'를 써 주세요.",
        "en": "Live video is full right now ({n} people are using it). Try again in a "
        "minute, or use 'Take a snapshot' or 'Upload a photo'.",
    },
    "live.stale": {
        "ko": "서버가 바빠요: {age:.0f}초 전에 읽은 결과예요. 곧 새로 읽어요.",
        "en": "The server is busy: this is the reading from {age:.0f} s ago. A new one "
        "comes as soon as it can.",
    },
    # The video component's own texts (streamlit-webrtc's ``translations`` argument,
    # keys of ``streamlit_webrtc.config.Translations``): its buttons and device messages
    # would otherwise stay in English on a Korean page. ui/webrtc_text.py maps them.
    "live.webrtc_start": {"ko": "시작", "en": "Start"},
    "live.webrtc_stop": {"ko": "멈추기", "en": "Stop"},
    "live.webrtc_select_device": {"ko": "카메라 고르기", "en": "Select device"},
    "live.webrtc_media_api_not_available": {
        "ko": "이 브라우저에서는 카메라를 쓸 수 없어요",
        "en": "This browser cannot use a camera",
    },
    "live.webrtc_device_ask_permission": {
        "ko": "브라우저에서 카메라 사용을 허용해 주세요",
        "en": "Please allow the app to use your camera",
    },
    "live.webrtc_device_not_available": {
        "ko": "카메라를 찾지 못했어요",
        "en": "No camera is available",
    },
    "live.webrtc_device_access_denied": {
        "ko": "카메라 사용이 거부되었어요",
        "en": "Camera access was denied",
    },
    "live.webrtc_turn_camera_on": {"ko": "카메라 켜기", "en": "Turn camera on"},
    "live.webrtc_turn_camera_off": {"ko": "카메라 끄기", "en": "Turn camera off"},
    "live.webrtc_mute_microphone": {"ko": "마이크 끄기", "en": "Mute microphone"},
    "live.webrtc_unmute_microphone": {"ko": "마이크 켜기", "en": "Unmute microphone"},
    "live.webrtc_select_camera": {"ko": "카메라 고르기", "en": "Select camera"},
    "live.webrtc_select_microphone": {"ko": "마이크 고르기", "en": "Select microphone"},
}
