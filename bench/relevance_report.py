"""Printing and checking the relevance bench's results: table, bars, Kazakh queries, tuning."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from relevance_systems import Metrics, evaluate, ndcg
from relevance_tune import (
    RELEVANCE_FEATURES,
    ablation,
    coordinate_ascent,
    mean_ndcg,
    only,
    split_halves,
    weight_dict,
)

from matching.ranking import FEATURES, RankingWeights
from matching.text import analyze_query

if TYPE_CHECKING:
    from relevance import SetRun

KAZAKH_BAR = 0.85
HELD_OUT = "held-out profiles"
DECLARED = "held-out + declared occupation"
RU = "ru title queries"
KK = "kk title queries"
BM25 = "BM25"
EMBEDDINGS = "embeddings"
HYBRID = "hybrid (RRF), no re-ranking"
FULL = "full ranker"


def print_table(metrics: Mapping[str, Mapping[str, Metrics]], timing: Mapping[str, str]) -> None:
    header = (
        f"{'query set':<42} {'system':<28} {'nDCG@10':>8} {'P@10':>7} {'R@100':>7} {'no res':>7}"
    )
    print()
    print(header)
    print("-" * len(header))
    for set_name, per_system in metrics.items():
        first = True
        for system, m in per_system.items():
            label = f"{set_name} ({m.queries})" if first else ""
            first = False
            print(
                f"{label:<42} {system:<28} {m.ndcg10:>8.4f} {m.p10:>7.4f} {m.recall100:>7.4f} "
                f"{m.empty:>7}"
            )
        print(f"{'':<42} ({timing[set_name]})")


def bar_checks(metrics: Mapping[str, Mapping[str, Metrics]]) -> dict[str, Any]:
    beats: dict[str, Any] = {}
    ok = True
    for set_name in (HELD_OUT, RU):
        per = metrics[set_name]
        full = per[FULL].ndcg10
        best_baseline = max(per[BM25].ndcg10, per[EMBEDDINGS].ndcg10)
        wins = full > best_baseline
        ok = ok and wins
        beats[set_name] = {
            "full_ranker": round(full, 4),
            "bm25": round(per[BM25].ndcg10, 4),
            "embeddings": round(per[EMBEDDINGS].ndcg10, 4),
            "pass": wins,
        }
    ru = metrics[RU][FULL].ndcg10
    kk = metrics[KK][FULL].ndcg10
    ratio = kk / ru if ru else 0.0
    return {
        "beats_baselines": {"pass": ok, **beats},
        "kazakh_ratio": {
            "pass": ratio >= KAZAKH_BAR,
            "ratio": round(ratio, 4),
            "kk_ndcg@10": round(kk, 4),
            "ru_ndcg@10": round(ru, 4),
            "bar": KAZAKH_BAR,
        },
    }


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def print_bars(bars: Mapping[str, Any]) -> None:
    beats = bars["beats_baselines"]
    print()
    print(
        f"[{_verdict(beats['pass'])}] full ranker beats BM25 and embeddings on nDCG@10 "
        "(held-out profiles and ru queries)"
    )
    for set_name in (HELD_OUT, RU):
        row = beats[set_name]
        print(
            f"         {set_name}: full ranker {row['full_ranker']:.4f} vs BM25 {row['bm25']:.4f}"
            f", embeddings {row['embeddings']:.4f} [{_verdict(row['pass'])}]"
        )
    kz = bars["kazakh_ratio"]
    print(
        f"[{_verdict(kz['pass'])}] Kazakh-query nDCG@10 / Russian-query nDCG@10 = "
        f"{100 * kz['ratio']:.1f}% (bar: >= {100 * KAZAKH_BAR:.0f}%) for the full ranker "
        f"({kz['kk_ndcg@10']:.4f} / {kz['ru_ndcg@10']:.4f})"
    )


def _positions(text: str, df: Mapping[str, frozenset[int]]) -> list[dict[str, Any]]:
    """Each analysed query position: its alternatives (forms, synonyms) and in how many
    vacancies any of them occurs (0: BM25 cannot match that word at all)."""
    out = []
    for alternatives in analyze_query(text):
        alts = sorted(set(alternatives))
        docs: set[int] = set()
        for alt in alts:
            words = alt.split()
            found = set(df.get(words[0], frozenset()))
            for word in words[1:]:
                found &= df.get(word, frozenset())
            docs |= found
        out.append({"alternatives": alts, "vacancies": len(docs)})
    return out


def kazakh_report(
    ru_run: SetRun, kk_run: SetRun, df: Mapping[str, frozenset[int]]
) -> list[dict[str, Any]]:
    """Per unit group: the ru and kk query side by side, and why a kk query falls short:
    its analysed positions with the number of vacancies each can match (a position at 0, or
    a rare Kazakh form with no Russian synonym, leaves the query to the embeddings)."""
    rows: list[dict[str, Any]] = []
    for qr, qk, i in zip(ru_run.queries, kk_run.queries, range(len(kk_run.queries)), strict=True):
        assert qr.label == qk.label
        row: dict[str, Any] = {
            "occupation": qk.label,
            "ru": qr.text,
            "kk": qk.text,
            "kk_positions": _positions(qk.text, df),
            "ru_positions": _positions(qr.text, df),
            "relevant": len(qk.relevant),
        }
        for lang, run in (("ru", ru_run), ("kk", kk_run)):
            q = run.queries[i]
            for system, key in ((FULL, "full"), (BM25, "bm25"), (EMBEDDINGS, "emb")):
                row[f"{lang}_{key}_ndcg"] = round(ndcg(run.rankings[system][i], q.relevant), 4)
            row[f"{lang}_bm25_hits"] = len(run.rankings[BM25][i])
        row["short"] = row["kk_full_ndcg"] < KAZAKH_BAR * row["ru_full_ndcg"]
        rows.append(row)
    short = [r for r in rows if r["short"]]
    print(
        f"\nKazakh title queries below {100 * KAZAKH_BAR:.0f}% of their Russian twin (full ranker):"
    )
    if not short:
        print("  none")
    for r in sorted(short, key=lambda r: r["kk_full_ndcg"] - r["ru_full_ndcg"]):
        print(
            f"  {r['occupation']} kk {r['kk']!r} {r['kk_full_ndcg']:.3f} "
            f"(bm25 {r['kk_bm25_ndcg']:.3f}, {r['kk_bm25_hits']} hits; emb {r['kk_emb_ndcg']:.3f})"
            f" vs ru {r['ru']!r} {r['ru_full_ndcg']:.3f} (bm25 {r['ru_bm25_ndcg']:.3f}, "
            f"{r['ru_bm25_hits']} hits; emb {r['ru_emb_ndcg']:.3f})"
            "\n      kk words -> vacancies: "
            + "; ".join(
                f"{'|'.join(p['alternatives'])}: {p['vacancies']}" for p in r["kk_positions"]
            )
        )
    return rows


def oracle(run: SetRun) -> float:
    """nDCG@10 of the ranker's candidates put in the best possible order: the ceiling any
    weights could reach without deeper retrieval."""
    total = 0.0
    for s, q in zip(run.scored, run.queries, strict=True):
        best = sorted(s.rank_order, key=lambda d: d not in q.relevant)
        total += ndcg(best, q.relevant)
    return total / len(run.queries) if run.queries else 0.0


def skills_neutral(run: SetRun, weights: RankingWeights) -> float:
    """What-if: the skills feature neutral (0.5) for seekers who listed no skills, instead of
    scoring vacancy skills against the words of a short query (which sinks every vacancy that
    lists skills below the ones that list none)."""
    column = FEATURES.index("skills")
    total = 0.0
    for s, q in zip(run.scored, run.queries, strict=True):
        if not q.profile.skills and s.ids.size:
            features = s.features.copy()
            features[:, column] = 0.5
            s = replace(s, features=features)
        total += ndcg(s.order(weights), q.relevant)
    return total / len(run.queries) if run.queries else 0.0


def _subset(run: SetRun, idx: Sequence[int]) -> tuple[list[Any], list[Any]]:
    return [run.scored[i] for i in idx], [run.queries[i] for i in idx]


def _system_ndcg(run: SetRun, system: str, idx: Sequence[int]) -> float:
    queries = [run.queries[i] for i in idx]
    return evaluate([run.rankings[system][i] for i in idx], queries).ndcg10


def tuning_report(runs: Mapping[str, SetRun], weights: RankingWeights, seed: int) -> dict[str, Any]:
    """Why the ranker wins or loses (ablation, single features), then weights tuned on one
    seeded half of the held-out profiles and reported on the other half and on the title
    queries (which the search never saw)."""
    held = runs[HELD_OUT]
    tune_idx, report_idx = split_halves(len(held.queries), seed)
    tune_scored, tune_queries = _subset(held, tune_idx)
    report_scored, report_queries = _subset(held, report_idx)
    everything = list(range(len(held.queries)))

    out: dict[str, Any] = {
        "split": {"seed": seed, "tune": len(tune_idx), "report": len(report_idx)},
        "ablation_held_out": ablation(held.scored, held.queries, weights),
        "single_feature_held_out": only(held.scored, held.queries),
        "single_feature_ru": only(runs[RU].scored, runs[RU].queries),
        "candidate_oracle": {name: round(oracle(run), 4) for name, run in runs.items()},
        "skills_neutral_without_seeker_skills": {
            name: {
                "default": round(mean_ndcg(run.scored, run.queries, weights), 4),
                "neutral": round(skills_neutral(run, weights), 4),
            }
            for name, run in runs.items()
            if any(not q.profile.skills for q in run.queries)
        },
        "baselines": {
            half: {
                system: round(_system_ndcg(held, system, idx), 4)
                for system in (BM25, EMBEDDINGS, HYBRID)
            }
            for half, idx in (("tune", tune_idx), ("report", report_idx), ("all", everything))
        },
        "searches": {},
    }
    for name, features in (("all features", FEATURES), ("fit features only", RELEVANCE_FEATURES)):
        tuned = coordinate_ascent(tune_scored, tune_queries, weights, features)
        per_set = {}
        for set_name, run in runs.items():
            per_set[set_name] = {
                "default": round(mean_ndcg(run.scored, run.queries, weights), 4),
                "tuned": round(mean_ndcg(run.scored, run.queries, tuned.weights), 4),
            }
        out["searches"][name] = {
            "features": list(features),
            "weights": weight_dict(tuned.weights),
            "steps": [
                {
                    "feature": s.feature,
                    "from": s.old,
                    "to": s.new,
                    "tune_ndcg": round(s.objective, 4),
                }
                for s in tuned.steps
            ],
            "tune_half": {
                "default": round(tuned.start_objective, 4),
                "tuned": round(tuned.objective, 4),
            },
            "report_half": {
                "default": round(mean_ndcg(report_scored, report_queries, weights), 4),
                "tuned": round(mean_ndcg(report_scored, report_queries, tuned.weights), 4),
            },
            "sets": per_set,
        }
    return out


def print_tuning(tuning: Mapping[str, Any]) -> None:
    print("\nDiagnosis on the held-out profiles (full ranker, nDCG@10):")
    abl = tuning["ablation_held_out"]
    print("  leave one feature out: " + ", ".join(f"{k} {v:.4f}" for k, v in abl.items()))
    single = tuning["single_feature_held_out"]
    print("  one feature alone:     " + ", ".join(f"{k} {v:.4f}" for k, v in single.items()))
    single_ru = tuning["single_feature_ru"]
    print("  one feature alone, ru: " + ", ".join(f"{k} {v:.4f}" for k, v in single_ru.items()))
    ceiling = tuning["candidate_oracle"]
    print(
        "  ceiling (candidates in the best order): "
        + ", ".join(f"{k} {v:.4f}" for k, v in ceiling.items())
    )
    print("  skills neutral for seekers without skills (what-if, default weights):")
    for name, row in tuning["skills_neutral_without_seeker_skills"].items():
        print(f"    {name}: {row['default']:.4f} -> {row['neutral']:.4f}")
    split = tuning["split"]
    print(
        f"\nTuning on a seeded half split of the held-out profiles (seed {split['seed']}: "
        f"{split['tune']} to tune, {split['report']} to report)"
    )
    base = tuning["baselines"]
    for half in ("tune", "report"):
        row = base[half]
        print(
            f"  {half} half baselines: BM25 {row[BM25]:.4f}, embeddings {row[EMBEDDINGS]:.4f}, "
            f"hybrid RRF {row[HYBRID]:.4f}"
        )
    for name, search in tuning["searches"].items():
        print(f"  search over {name}:")
        changed = {s["feature"]: s["to"] for s in search["steps"]}
        print(
            "    changes: " + (", ".join(f"{k} -> {v:.2f}" for k, v in changed.items()) or "none")
        )
        print(
            f"    tune half nDCG@10 {search['tune_half']['default']:.4f} -> "
            f"{search['tune_half']['tuned']:.4f}; report half "
            f"{search['report_half']['default']:.4f} -> {search['report_half']['tuned']:.4f}"
        )
        print(
            "    all sets (default -> tuned): "
            + "; ".join(
                f"{k} {v['default']:.4f} -> {v['tuned']:.4f}" for k, v in search["sets"].items()
            )
        )
