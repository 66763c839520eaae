"""On-disk layout of the embedded engine: numbered generations and the pointer that is the alias.

::

    <root>/<doc_type>/CURRENT        "7\n" -- replaced atomically (os.replace) to switch
    <root>/<doc_type>/v7/tantivy/    the tantivy index of generation 7
    <root>/<doc_type>/v7/vectors.f32 its vectors (see vectors.py)
    <root>/<doc_type>/v7/meta.json   doc type, dimension, schema version
    <root>/<doc_type>/write.lock     flock held by whoever writes the live generation
    <root>/<doc_type>/rebuild.lock   flock held by a running rebuild

Writers serialise on ``write.lock`` (any process); tantivy's own lock on each index directory
is the backstop. Readers take no lock: they read CURRENT and reopen when it changes.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from indexer.documents import DocType
from indexer.interface import SearchError

_GEN_RE = re.compile(r"^v(\d+)$")


class CorruptPointer(ValueError):
    """CURRENT exists but does not name a version (a damaged disk or a stray edit)."""


class RebuildInProgress(SearchError):
    """Another rebuild of the same index is running."""


class Layout:
    def __init__(self, root: Path, doc_type: DocType) -> None:
        self.dir = root / doc_type.value
        self.pointer = self.dir / "CURRENT"

    def generation_dir(self, version: int) -> Path:
        return self.dir / f"v{version}"

    def current(self) -> int | None:
        """The live version; None before the first build; ``CorruptPointer`` if unreadable."""
        try:
            text = self.pointer.read_text().strip()
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            raise CorruptPointer(f"{self.pointer}: {exc}") from None
        if not text.isdigit():
            raise CorruptPointer(f"{self.pointer} holds {text[:20]!r}, not a version number")
        return int(text)

    def pointer_stamp(self) -> tuple[int, int] | None:
        """Changes whenever CURRENT is replaced (cheap enough to check on every call)."""
        try:
            st = os.stat(self.pointer)
        except FileNotFoundError:
            return None
        return st.st_ino, st.st_mtime_ns

    def versions(self) -> list[int]:
        if not self.dir.is_dir():
            return []
        found = (_GEN_RE.match(p.name) for p in self.dir.iterdir())
        return sorted(int(m.group(1)) for m in found if m)

    def next_version(self) -> int:
        try:
            current = self.current() or 0
        except CorruptPointer:
            current = 0  # a rebuild is how a corrupt pointer gets repaired
        return max([*self.versions(), current]) + 1

    def switch(self, version: int) -> None:
        """Point CURRENT at ``version``, atomically and durably."""
        tmp = self.dir / f".CURRENT.{os.getpid()}.tmp"
        with open(tmp, "w") as fh:
            fh.write(f"{version}\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.pointer)
        fd = os.open(self.dir, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def drop_all_but(self, keep: int) -> None:
        for version in self.versions():
            if version != keep:
                shutil.rmtree(self.generation_dir(version), ignore_errors=True)

    def write_meta(self, version: int, meta: dict[str, object]) -> None:
        (self.generation_dir(version) / "meta.json").write_text(json.dumps(meta))

    def read_meta(self, version: int) -> dict[str, object]:
        data: dict[str, object] = json.loads(
            (self.generation_dir(version) / "meta.json").read_text()
        )
        return data


@contextlib.contextmanager
def file_lock(path: Path, *, timeout_s: float, busy: Callable[[], SearchError]) -> Iterator[None]:
    """An exclusive flock on ``path``, waiting up to ``timeout_s``; raises ``busy()`` after."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
                    raise
                if time.monotonic() >= deadline:
                    raise busy() from exc
                time.sleep(0.01)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
