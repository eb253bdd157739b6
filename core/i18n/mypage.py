"""Strings of My page: profile, my posts, mood history, export, account deletion."""

STRINGS: dict[str, dict[str, str]] = {
    "mypage.title": {"ko": "마이페이지", "en": "My page"},
    "mypage.tab_profile": {"ko": "프로필", "en": "Profile"},
    "mypage.tab_posts": {"ko": "내 글", "en": "My posts"},
    "mypage.tab_mood": {"ko": "기분 기록", "en": "Mood history"},
    "mypage.tab_data": {"ko": "내 데이터", "en": "My data"},
    # Profile
    "mypage.profile_title": {"ko": "회원 정보", "en": "Your details"},
    "mypage.profile_save": {"ko": "회원 정보 저장", "en": "Save details"},
    "mypage.profile_saved": {"ko": "회원 정보를 저장했어요.", "en": "Your details are saved."},
    "mypage.password_title": {"ko": "비밀번호 바꾸기", "en": "Change password"},
    "mypage.password_current": {"ko": "현재 비밀번호", "en": "Current password"},
    "mypage.password_new": {"ko": "새 비밀번호", "en": "New password"},
    "mypage.password_confirm": {"ko": "새 비밀번호 확인", "en": "Confirm new password"},
    "mypage.password_save": {"ko": "비밀번호 바꾸기", "en": "Change password"},
    "mypage.password_changed": {
        "ko": "비밀번호를 바꿨어요. 다른 기기에서는 로그아웃되었어요.",
        "en": "Password changed. You were signed out everywhere else.",
    },
    # My posts
    "mypage.posts_empty": {
        "ko": "아직 쓴 글이 없어요. 게시판에 오늘 하루를 남겨 보세요.",
        "en": "You haven't posted yet. Share your day on the board.",
    },
    "mypage.to_board": {"ko": "게시판으로 가기", "en": "Go to the board"},
    # Mood history
    "mypage.range": {"ko": "기간", "en": "Range"},
    "mypage.range_week": {"ko": "최근 7일", "en": "Last 7 days"},
    "mypage.range_month": {"ko": "최근 30일", "en": "Last 30 days"},
    "mypage.range_all": {"ko": "전체", "en": "All time"},
    "mypage.mood_empty": {
        "ko": "이 기간에 확인한 감정이 없어요. 표정 읽기에서 지금 기분을 기록해 보세요.",
        "en": "No confirmed emotions in this range. Record how you feel on the Emotion page.",
    },
    "mypage.to_emotion": {"ko": "표정 읽으러 가기", "en": "Read my expression"},
    "mypage.metric_readings": {"ko": "기록", "en": "Readings"},
    "mypage.metric_days": {"ko": "기록한 날", "en": "Days recorded"},
    "mypage.metric_top": {"ko": "가장 많았던 기분", "en": "Most frequent"},
    "mypage.chart_timeline": {"ko": "시간에 따른 기분", "en": "Mood over time"},
    "mypage.chart_calendar": {"ko": "하루의 대표 기분", "en": "Mood of each day"},
    "mypage.metric_top_help": {
        "ko": "이 기간에 가장 많이 기록한 감정이에요. 횟수가 같으면 더 나중에 기록한 감정이에요.",
        "en": "The emotion recorded most often in this range; on a tie, the one recorded last.",
    },
    "mypage.chart_calendar_help": {
        "ko": "그날 가장 많이 기록한 감정이에요. 횟수가 같으면 더 나중에 기록한 감정을 보여 줘요.",
        "en": "The emotion recorded most often that day; on a tie, the one recorded last.",
    },
    "mypage.chart_distribution": {"ko": "감정 분포", "en": "Emotion distribution"},
    "mypage.axis_time": {"ko": "시간", "en": "Time"},
    "mypage.axis_mood": {"ko": "기분", "en": "Mood"},
    "mypage.axis_week": {"ko": "주 (월요일 기준)", "en": "Week (Monday)"},
    "mypage.axis_count": {"ko": "횟수", "en": "Count"},
    "mypage.axis_share": {"ko": "비율", "en": "Share"},
    "mypage.axis_confidence": {"ko": "확신도", "en": "Confidence"},
    "mypage.axis_date": {"ko": "날짜", "en": "Date"},
    "mypage.axis_day_total": {"ko": "그날 기록 수", "en": "Readings that day"},
    "mypage.no_reading": {"ko": "기록 없음", "en": "No reading"},
    "mypage.weekdays": {"ko": "월,화,수,목,금,토,일", "en": "Mon,Tue,Wed,Thu,Fri,Sat,Sun"},
    # d3 time formats of the charts' axes and tooltips (Vega-Lite's defaults are
    # English month names); "%-d" is a day without a leading zero.
    "mypage.fmt_hour": {"ko": "%-d일 %H:%M", "en": "%b %-d, %H:%M"},
    "mypage.fmt_day": {"ko": "%-m월 %-d일", "en": "%b %-d"},
    "mypage.fmt_week": {"ko": "%-m/%-d", "en": "%-m/%-d"},
    "mypage.fmt_month": {"ko": "%Y년 %-m월", "en": "%b %Y"},
    "mypage.fmt_moment": {"ko": "%Y년 %-m월 %-d일 %H:%M", "en": "%a %b %-d %Y, %H:%M"},
    "mypage.date_label": {"ko": "{y}년 {m}월 {d}일 ({wd})", "en": "{wd} {y}-{m:02d}-{d:02d}"},
    # Export
    "mypage.export_title": {"ko": "내 데이터 내려받기", "en": "Download my data"},
    "mypage.export_body": {
        "ko": "프로필(비밀번호 제외), 내가 쓴 글과 댓글, 대화 기록, 감정 기록을 "
        "JSON 파일 하나로 내려받아요.",
        "en": "One JSON file with your profile (without your password), your posts and "
        "comments, your chat messages and your emotion readings.",
    },
    "mypage.export_button": {"ko": "JSON으로 내려받기", "en": "Download JSON"},
    # Delete account
    "mypage.delete_title": {"ko": "회원 탈퇴", "en": "Delete account"},
    "mypage.delete_body": {
        "ko": "탈퇴하면 계정과 함께 내 글(다른 사람이 단 댓글 포함), 댓글, 대화 기록, "
        "감정 기록, 로그인 정보가 바로 모두 삭제되고 되돌릴 수 없어요. 필요하면 먼저 "
        "데이터를 내려받으세요.",
        "en": "This deletes your account and everything in it right away: your posts "
        "(with the comments others left on them), your comments, chats, emotion "
        "readings and logins. It can't be undone; download your data first if you "
        "want to keep it.",
    },
    "mypage.delete_confirm_label": {
        "ko": "탈퇴하려면 아이디 **{name}** 을(를) 그대로 입력해 주세요",
        "en": "To confirm, type your username **{name}**",
    },
    "mypage.delete_button": {"ko": "탈퇴하고 모든 데이터 삭제", "en": "Delete my account forever"},
    "mypage.delete_mismatch": {
        "ko": "아이디가 맞지 않아요. 아무것도 삭제하지 않았어요.",
        "en": "That is not your username; nothing was deleted.",
    },
    "mypage.deleted": {
        "ko": "탈퇴가 끝났어요. 모든 데이터를 삭제했어요. 그동안 고마웠어요.",
        "en": "Your account and all its data are deleted. Thank you for being here.",
    },
}
