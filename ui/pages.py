"""Every page file, named once: ``st.page_link`` and ``st.switch_page`` take these.

A path typed as a string literal in a page or view breaks silently when a page
file is renamed (Streamlit raises only when the link is drawn or followed);
named here, a rename is one edit and a typo is an ``AttributeError`` at import.
``ui.nav`` builds the navigation from these paths, and
``tests/test_page_paths.py`` fails when a literal ``"app_pages/..."`` path
appears anywhere else in ``app_pages/`` or ``ui/``.

No imports: ``ui.state`` (which ``ui.nav`` imports) needs the Log in path too.
"""

from __future__ import annotations

from typing import Final

HOME: Final = "app_pages/home.py"
LOGIN: Final = "app_pages/login.py"
REGISTER: Final = "app_pages/register.py"
LOGOUT: Final = "app_pages/logout.py"
EMOTION: Final = "app_pages/emotion.py"
CHAT: Final = "app_pages/chat.py"
BOARD: Final = "app_pages/board.py"
MYPAGE: Final = "app_pages/mypage.py"
MODERATION: Final = "app_pages/moderation.py"
MODEL_CARD: Final = "app_pages/model_card.py"

# The kiosk's own navigation (KIOSK=1): one page per stage of a visit.
KIOSK: Final = "app_pages/kiosk.py"
KIOSK_NOTICE: Final = "app_pages/kiosk_notice.py"
KIOSK_EMOTION: Final = "app_pages/kiosk_emotion.py"
KIOSK_CHAT: Final = "app_pages/kiosk_chat.py"
