"""Chat: talk about the captured emotion with the offline helper or a language model."""

from ui.chat_view import show_chat_page
from ui.state import require_user

show_chat_page(require_user())
