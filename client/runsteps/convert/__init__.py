"""Carrying a thread to the successor API (Responses / Conversations) and to evaluations. No I/O.

`ThreadHistory` is a thread whole (from `client.threads.read(thread_id)` or
`ThreadHistory.from_archive(path)`); `to_items(history)` gives the successor's input items and the
losses (`Conversion`).
"""

from runsteps.convert._history import ThreadHistory
from runsteps.convert._items import Conversion, Loss, to_items

__all__ = ["Conversion", "Loss", "ThreadHistory", "to_items"]
