"""Finding a model on this machine without the network: ``models_dir`` and the HF cache.

The Hugging Face cache layout read here (``models--org--name/refs/main`` naming a commit under
``snapshots/``) is the hub library's documented on-disk format; reading it directly keeps the
lookup cheap and free of any download code path.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

MODEL_MARKERS = ("modules.json", "config.json")
EXPORT_MANIFEST = "zhumys_export.json"


@dataclass(frozen=True, slots=True)
class CachedModel:
    repo_id: str
    path: Path
    revision: str


def local_dir_name(model_name: str) -> str:
    """``intfloat/multilingual-e5-small`` → ``intfloat--multilingual-e5-small``."""
    return model_name.strip().strip("/").replace("/", "--")


def is_model_dir(path: Path) -> bool:
    return path.is_dir() and any((path / marker).is_file() for marker in MODEL_MARKERS)


def looks_like_path(spec: str) -> bool:
    """True for specs that can only be paths (``./x``, ``/x``, ``~/x``, ``C:\\x``, ``a/b/c``)."""
    return (
        spec.startswith((".", "/", "~", "\\"))
        or (len(spec) > 2 and spec[1] == ":" and spec[2] in "/\\")
        or spec.count("/") > 1
        or "\\" in spec
    )


def hf_cache_dir() -> Path:
    """Where the hub library keeps models: ``HF_HUB_CACHE``, ``HF_HOME/hub`` or the default."""
    if value := os.environ.get("HF_HUB_CACHE") or os.environ.get("HUGGINGFACE_HUB_CACHE"):
        return Path(value).expanduser()
    if value := os.environ.get("HF_HOME"):
        return Path(value).expanduser() / "hub"
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg).expanduser() / "huggingface" / "hub"


def find_in_hf_cache(
    repo_id: str, cache_dir: Path | None = None, revision: str = "main"
) -> CachedModel | None:
    """The cached snapshot of ``repo_id`` (offline; None when it isn't there)."""
    if repo_id.count("/") > 1 or not repo_id.strip():
        return None
    root = (cache_dir or hf_cache_dir()) / f"models--{local_dir_name(repo_id)}"
    snapshots = root / "snapshots"
    if not snapshots.is_dir():
        return None
    ref = root / "refs" / revision
    commit = ref.read_text(encoding="utf-8").strip() if ref.is_file() else revision
    candidate = snapshots / commit
    if not is_model_dir(candidate):
        # No usable ref: take the newest complete snapshot, if any.
        complete = [p for p in snapshots.iterdir() if is_model_dir(p)]
        if not complete:
            return None
        candidate = max(complete, key=lambda p: p.stat().st_mtime)
    return CachedModel(repo_id=repo_id, path=candidate, revision=candidate.name)


def read_json(path: Path) -> dict[str, object] | None:
    """A JSON object from ``path``, or None when absent or not an object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
