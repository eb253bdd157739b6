"""App-wide strings: navigation, Home page, language switch, errors."""

STRINGS: dict[str, dict[str, str]] = {
    "app.title": {"ko": "너의 머리 속이 보여", "en": "Show your emotion"},
    "app.tagline": {
        "ko": "카메라로 지금 표정을 읽고, 그 마음에 맞춰 이야기를 나눠요.",
        "en": "Read your expression through the camera, then talk about how you feel.",
    },
    "nav.home": {"ko": "홈", "en": "Home"},
    "nav.login": {"ko": "로그인", "en": "Log in"},
    "nav.register": {"ko": "회원가입", "en": "Sign up"},
    "nav.emotion": {"ko": "표정 읽기", "en": "Emotion"},
    "nav.chat": {"ko": "대화하기", "en": "Chat"},
    "nav.board": {"ko": "게시판", "en": "Board"},
    "nav.mypage": {"ko": "마이페이지", "en": "My page"},
    "nav.logout": {"ko": "로그아웃", "en": "Log out"},
    "nav.model_card": {"ko": "모델 안내", "en": "Model card"},
    "common.language": {"ko": "언어", "en": "Language"},
    "common.signed_in_as": {"ko": "**{name}** 님으로 로그인됨", "en": "Signed in as **{name}**"},
    "common.db_unavailable": {
        "ko": "지금 데이터베이스에 연결할 수 없어요. 입력한 내용은 그대로 남아 있으니 "
        "잠시 후 다시 시도해 주세요.",
        "en": "The database can't be reached right now. What you typed is kept; "
        "please try again in a moment.",
    },
    "common.cancel": {"ko": "취소", "en": "Cancel"},
    "home.what_title": {"ko": "이런 걸 할 수 있어요", "en": "What you can do"},
    "home.what_body": {
        "ko": "1. **표정 읽기** — 웹캠을 켜면 얼굴 표정을 실시간으로 읽어 7가지 감정"
        "(화남·역겨움·두려움·행복·슬픔·놀람·평온) 중 가장 가까운 것을 보여 줘요.\n"
        "2. **대화하기** — 읽어 낸 감정을 바탕으로 챗봇이 음식, 음악, 영화, 운동, "
        "여행지, 힘이 되는 한마디까지 다정하고 실용적으로 제안해요.\n"
        "3. **게시판** — 오늘 하루와 기분을 다른 사람들과 나눠요.\n"
        "4. **마이페이지** — 지금까지의 기분 기록을 차트로 보고, 내 데이터를 내려받거나 "
        "계정을 지울 수 있어요.",
        "en": "1. **Emotion** — turn on your webcam and the app reads your facial expression "
        "live, showing the closest of seven emotions (angry, disgusted, afraid, happy, sad, "
        "surprised, calm).\n"
        "2. **Chat** — based on that emotion, a chatbot kindly suggests food, music, films, "
        "exercise, places to go or a helpful phrase.\n"
        "3. **Board** — share your day and your mood with others.\n"
        "4. **My page** — see your mood history as charts, download your data, or delete "
        "your account.",
    },
    "home.privacy_title": {"ko": "카메라 데이터는 이렇게 다뤄요", "en": "How we treat your camera"},
    "home.privacy_body": {
        "ko": "- 영상과 사진은 메모리에서만 분석하고, 디스크나 데이터베이스에 **절대 저장하지 "
        "않아요**.\n"
        "- 저장되는 것은 내가 확인한 감정과 점수뿐이에요. 마이페이지에서 언제든 내려받거나 "
        "지울 수 있어요.\n"
        "- 결과는 얼굴 표정에 대한 **추정**일 뿐, 마음을 진단하지 않아요.",
        "en": "- Video and photos are analysed in memory only and are **never stored** on disk "
        "or in the database.\n"
        "- Only the emotion you confirm and its scores are saved; download or delete them "
        "any time from My page.\n"
        "- The result is an **estimate** of a facial expression, not a diagnosis of how "
        "you feel.",
    },
    "home.start": {"ko": "시작하기", "en": "Get started"},
    "home.start_logged_in": {"ko": "표정 읽으러 가기", "en": "Read my expression"},
}
