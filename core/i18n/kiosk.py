"""Strings of the kiosk mode (an event booth: no accounts, nothing kept)."""

STRINGS: dict[str, dict[str, str]] = {
    "kiosk.attract_title": {"ko": "지금 내 표정, 읽어 볼까요?", "en": "What does your face say?"},
    "kiosk.attract_body": {
        "ko": "카메라 앞에 서면 지금 표정을 7가지 감정 중 하나로 읽어 드려요. "
        "그 감정에 맞춰 챗봇과 잠깐 이야기해 보세요.\n\n"
        "로그인은 필요 없고, 아무것도 저장되지 않아요.",
        "en": "Stand in front of the camera and the app reads your expression as one of "
        "seven emotions. Then chat for a moment about it.\n\n"
        "No sign-up, and nothing is kept.",
    },
    "kiosk.start": {"ko": "시작하기", "en": "Start"},
    "kiosk.language": {"ko": "언어 / Language", "en": "Language / 언어"},
    "kiosk.notice_title": {"ko": "시작하기 전에 알려 드려요", "en": "Before we start"},
    "kiosk.notice_body": {
        "ko": "- 이 키오스크는 **감정 인식 시스템**이에요. 카메라 영상에서 얼굴 **표정**을 "
        "분석해 7가지 감정 중 가장 가까운 것을 추정해요.\n"
        "- 결과는 표정에 대한 **추정**일 뿐, 실제 마음이나 기분을 읽는 것이 아니에요. "
        "조명, 각도, 안경, 개인차에 따라 틀릴 수 있어요.\n"
        "- 영상은 **메모리에서만** 처리하고 **아무것도 남기지 않아요**: 영상, 사진, "
        "읽은 감정, 대화 모두 디스크나 데이터베이스에 저장하지 않아요.\n"
        "- **끝내기**를 누르거나 {idle}초 동안 아무 조작이 없으면 화면과 대화가 모두 "
        "지워지고 처음으로 돌아가요.\n"
        "- 대화 상대는 사람이 아닌 **AI**예요.\n"
        "- 운영: **{operator}**",
        "en": "- This kiosk is an **emotion recognition system**: it analyses the facial "
        "**expression** in the camera picture to estimate the closest of seven emotions.\n"
        "- The result is an **estimate of an expression**, not a reading of what you "
        "actually feel. Light, angle, glasses and individual differences can make it wrong.\n"
        "- The video is processed **in memory only** and **nothing is kept**: no video, "
        "photo, reading or conversation is written to disk or to a database.\n"
        "- Pressing **End**, or {idle} seconds without a touch, wipes the screen and the "
        "conversation and goes back to the start.\n"
        "- You chat with an **AI**, not a person.\n"
        "- Run by: **{operator}**",
    },
    "kiosk.operator_unset": {"ko": "이 행사의 주최 측", "en": "the organisers of this event"},
    "kiosk.notice_legal": {
        "ko": "EU 인공지능법(AI Act) 제50조 제3항에 따른 감정 인식 시스템 고지입니다.",
        "en": "Notice of an emotion recognition system under Article 50(3) of the EU AI Act.",
    },
    "kiosk.accept": {"ko": "알겠어요, 카메라 켜기", "en": "OK, turn on the camera"},
    "kiosk.end": {"ko": "끝내기", "en": "End"},
    "kiosk.camera_title": {"ko": "카메라를 바라봐 주세요", "en": "Look at the camera"},
    "kiosk.live_help": {
        "ko": "얼굴이 화면 가운데 오도록 서 주세요. 잠시 뒤 읽은 감정이 옆에 나타나요. "
        "마음에 드는 순간 **이 표정으로 할게요**를 누르세요.",
        "en": "Keep your face in the middle of the picture; the reading appears beside "
        "it in a moment. Press **Capture this** when you like what you see.",
    },
    "kiosk.still_there": {
        "ko": "아직 계신가요? {seconds}초 뒤에 모든 내용이 지워지고 처음으로 돌아가요.",
        "en": "Still there? In {seconds} s everything is wiped and the kiosk starts over.",
    },
    "kiosk.continue": {"ko": "계속할게요", "en": "I'm still here"},
    "kiosk.takeaway_title": {"ko": "가져가기", "en": "Take it with you"},
    "kiosk.takeaway_help": {
        "ko": "휴대폰 카메라로 QR 코드를 찍으면 읽은 감정과 첫 번째 조언을 글자로 받을 수 "
        "있어요. 내용은 코드 안에만 들어 있고 어디에도 저장되지 않아요. 얼굴 사진은 "
        "들어 있지 않아요.",
        "en": "Scan the code with your phone camera to keep the emotion and the first tip "
        "as text. It is all inside the code itself, stored nowhere, and holds no picture "
        "of your face.",
    },
    "kiosk.qr_emotion": {
        "ko": "읽은 표정: {emoji} {label}",
        "en": "Expression read: {emoji} {label}",
    },
    "kiosk.qr_tip": {"ko": "조언: {tip}", "en": "Tip: {tip}"},
    "kiosk.wiped": {
        "ko": "이전 방문자의 내용은 모두 지워졌어요.",
        "en": "Everything from the previous visit has been wiped.",
    },
}
