"""What one receipt may hold."""

from __future__ import annotations

#: Lines on one receipt: the printed receipt and the counter's table stay readable; a
#: customer paying more starts a second receipt.
MAX_LINES = 50
