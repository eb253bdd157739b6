"""Kiosk: the attract screen (what the booth does, one big Start, the language switch)."""

from ui import kiosk

kiosk.attract()
