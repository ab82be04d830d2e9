"""A small, thread-safe memo of recent results, keyed by what they were computed from."""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from tpt_model.i18n import current_language


class Memo:
    """Least-recently-used results of pure computations (shared by every session: never mutate them)."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The result stored under `key`, computed (outside the lock) when missing.

        Results may hold text for people (a caption, a chart's titles): each language has its own.
        """
        key = (current_language(), key)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._items)
