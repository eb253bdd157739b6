"""Streamlit's own widget texts, rewritten in the page by ui/widget_text.py."""

STRINGS: dict[str, dict[str, str]] = {
    "widget.upload": {"ko": "파일 고르기", "en": "Upload"},
    "widget.take_photo": {"ko": "사진 찍기", "en": "Take Photo"},
    "widget.clear_photo": {"ko": "다시 찍기", "en": "Clear photo"},
    "widget.choose": {"ko": "골라 주세요", "en": "Choose an option"},
    "widget.show_password": {"ko": "비밀번호 보기", "en": "Show password"},
    "widget.hide_password": {"ko": "비밀번호 숨기기", "en": "Hide password"},
    # {size}: e.g. "10MB" (Streamlit's; the file types follow it as they are).
    "widget.per_file": {"ko": "파일 하나에 {size}까지", "en": "{size} per file"},
}
