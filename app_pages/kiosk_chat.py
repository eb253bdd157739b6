"""Kiosk: chat about the captured emotion, kept in memory only; the take-away code."""

from ui import kiosk

kiosk.chat()
