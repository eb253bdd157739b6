"""Kiosk: the live expression reading, full screen, with Capture."""

from ui import kiosk

kiosk.camera()
