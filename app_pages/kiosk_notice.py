"""Kiosk: the notice before the camera starts (what is estimated, nothing kept, who runs it)."""

from ui import kiosk

kiosk.notice()
