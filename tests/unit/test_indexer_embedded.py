"""Behaviour specific to the embedded backend: locks, analysis reuse, files on disk."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import numpy as np
import pytest

from indexer import DocType, SearchQuery, SearchUnavailable, VacancyDocument
from indexer.embedded import EmbeddedEngine
from indexer.embedded.storage import RebuildInProgress
from indexer.embedded.vectors import VectorFile
from indexer.interface import SearchError

V = DocType.VACANCIES


class Counting:
    """Lower-case analyser that counts calls; ``_`` in a query word makes a phrase synonym."""

    def __init__(self, version: str = "1") -> None:
        self.calls = 0
        self.version = version

    def analyze(self, text: str, lang: str | None = None) -> list[str]:
        self.calls += 1
        return text.lower().split()

    def analyze_query(self, text: str, lang: str | None = None) -> list[list[str]]:
        return [[w, w.replace("_", " ")] for w in text.lower().split()]

    def fingerprint(self) -> str:
        return f"counting-{self.version}"


def doc(id: int, title: str = "Welder", **kw: object) -> VacancyDocument:
    return VacancyDocument(id=id, title=title, employer_id=1, region_kato="750000000", **kw)  # type: ignore[arg-type]


def engine_at(path: Path, analyzer: Counting | None = None, **kw: object) -> EmbeddedEngine:
    return EmbeddedEngine(path, vector_dim=4, analyzer=analyzer or Counting(), **kw)  # type: ignore[arg-type]


def hold(path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def test_a_second_writer_waits_then_gets_unavailable(tmp_path: Path) -> None:
    engine = engine_at(tmp_path, lock_timeout_s=0.2)
    engine.ensure_index(V)
    fd = hold(tmp_path / "vacancies" / "write.lock")  # another process writing
    try:
        with pytest.raises(SearchUnavailable, match="writer"):
            engine.upsert(V, [doc(1)])
        assert engine.count(V) == 0  # reads are never blocked
    finally:
        os.close(fd)
    assert engine.upsert(V, [doc(1)]) == 1


def test_only_one_rebuild_at_a_time(tmp_path: Path) -> None:
    engine = engine_at(tmp_path)
    fd = hold(tmp_path / "vacancies" / "rebuild.lock")
    try:
        with pytest.raises(RebuildInProgress):
            engine.rebuild(V, [doc(1)])
    finally:
        os.close(fd)


def test_rebuild_reuses_analysis_of_unchanged_documents(tmp_path: Path) -> None:
    analyzer = Counting()
    engine = engine_at(tmp_path, analyzer)
    docs = [doc(i, f"Welder {i}", description="Night shifts") for i in range(1, 11)]
    engine.rebuild(V, docs)
    assert analyzer.calls == 20  # title and body per document (no skills: nothing to do)
    analyzer.calls = 0
    changed = [*docs[:9], doc(10, "Electrician", description="Night shifts")]
    engine.rebuild(V, changed)
    assert analyzer.calls == 2  # only the changed document
    assert engine.search(V, SearchQuery(text="electrician")).total == 1
    assert engine.search(V, SearchQuery(text="welder")).total == 9
    analyzer.calls = 0
    engine.upsert(V, [docs[0]])  # unchanged text: reused on upsert too
    assert analyzer.calls == 0
    new_analyzer = Counting(version="2")
    other = engine_at(tmp_path, new_analyzer)
    other.rebuild(V, changed)
    assert new_analyzer.calls == 20  # a different analyser re-analyses everything


def test_multi_word_synonyms_are_phrases(tmp_path: Path) -> None:
    engine = engine_at(tmp_path)
    engine.ensure_index(V)
    engine.upsert(V, [doc(1, "software engineer"), doc(2, "engineer of software")])
    assert [h.id for h in engine.search(V, SearchQuery(text="software_engineer")).hits] == [1]


def test_stale_generations_are_dropped_by_the_next_rebuild(tmp_path: Path) -> None:
    engine = engine_at(tmp_path)
    engine.rebuild(V, [doc(1)])
    (tmp_path / "vacancies" / "v7").mkdir()  # left by a crashed rebuild
    report = engine.rebuild(V, [doc(1)])
    assert report.new_version == 8
    assert sorted(p.name for p in (tmp_path / "vacancies").glob("v*")) == ["v8"]
    assert (tmp_path / "vacancies" / "CURRENT").read_text().strip() == "8"


def test_other_dimension_needs_a_rebuild(tmp_path: Path) -> None:
    engine_at(tmp_path).ensure_index(V)
    other = EmbeddedEngine(tmp_path, vector_dim=8, analyzer=Counting())
    with pytest.raises(SearchError, match="rebuild"):
        other.count(V)


def test_segments_stay_few_under_many_small_upserts(tmp_path: Path) -> None:
    engine = engine_at(tmp_path, fsync=False)
    engine.ensure_index(V)
    for i in range(12):  # the log merge policy merges at 8
        engine.upsert(V, [doc(i, vector=np.ones(4))])
    health = engine.health()
    segments = int(health.detail.split(" segments")[0].rsplit(" ", 1)[1])
    assert segments <= 10
    assert engine.count(V) == 12


def test_vector_file_append_and_torn_tail(tmp_path: Path) -> None:
    vf = VectorFile(tmp_path / "vectors.f32", 2)
    assert vf.matrix().shape == (0, 2)
    assert vf.append(np.array([[3.0, 4.0]], dtype=np.float32)) == 0
    with open(vf.path, "ab") as fh:
        fh.write(b"\x00\x01")  # a crash mid-write
    assert vf.rows() == 1
    assert vf.append(np.array([[0.0, 2.0], [1.0, 0.0]], dtype=np.float32)) == 1
    assert np.allclose(vf.matrix(), [[0.6, 0.8], [0.0, 1.0], [1.0, 0.0]])
    got = vf.get(1)
    assert got is not None and np.allclose(got, [0.0, 1.0])
    assert vf.get(-1) is None and vf.get(5) is None
    with pytest.raises(ValueError, match="dimension"):
        vf.append(np.ones((1, 3), dtype=np.float32))
