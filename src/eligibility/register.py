"""The register of ID numbers seen in a run: the first row of each, in flat arrays a province fits in."""

from __future__ import annotations

from array import array


class IdRegister:
    """ID numbers packed into ints (see candidate.pack_id) and the row each was first seen on.

    Open addressing over two arrays of 64-bit words: 16 bytes an ID at full load, where a dict of Python ints
    takes over 100 — the difference between fitting a province in memory or not. Zero marks an empty slot; no
    packed ID number is zero."""

    def __init__(self, capacity: int = 1 << 16) -> None:
        self._keys = array("Q", bytes(8 * capacity))
        self._rows = array("Q", bytes(8 * capacity))
        self._mask = capacity - 1
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def first(self, key: int, row: int) -> int | None:
        """The row first recorded for `key`; or None, with `row` recorded, when the key is new."""
        keys, mask = self._keys, self._mask
        slot = key & mask
        while (found := keys[slot]) != 0:
            if found == key:
                return self._rows[slot]
            slot = (slot + 1) & mask
        keys[slot] = key
        self._rows[slot] = row
        self._size += 1
        if 3 * self._size > 2 * (mask + 1):
            self._grow()
        return None

    def _grow(self) -> None:
        old_keys, old_rows = self._keys, self._rows
        capacity = 2 * (self._mask + 1)
        self._keys = keys = array("Q", bytes(8 * capacity))
        self._rows = rows = array("Q", bytes(8 * capacity))
        self._mask = mask = capacity - 1
        for key, row in zip(old_keys, old_rows, strict=True):
            if key:
                slot = key & mask
                while keys[slot]:
                    slot = (slot + 1) & mask
                keys[slot] = key
                rows[slot] = row
