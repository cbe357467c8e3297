"""How much averaging the outputs of runs that differ only in their seed adds: every ensemble of k of the given runs.

Each run folder is a `mmfer_train`/`train_run` output with `predictions.csv` (the class probabilities of every
validation and test clip; for a k-fold run, of every fold). For k = 1 .. number of runs, and for every combination
of k runs, the class probabilities of the k runs are averaged per clip (a deep ensemble: Lakshminarayanan, Pritzel
and Blundell, "Simple and Scalable Predictive Uncertainty Estimation using Deep Ensembles", NeurIPS 2017) and
scored. It prints, per k, the mean, lowest and highest WAR over the combinations, and the number of correct clips
of each. The runs must hold the same clips (the same data, split and folds). An accuracy diagnostic; mmfer trains
one model per run.

With `--combine product` the runs' log-probabilities are added instead (the normalised product of their
probabilities, a product of experts): the rule for runs that each know one modality, e.g. an audio-only and a
visual-only run (`--modality audio|visual`), whose k = 2 row is then their late fusion.

Usage: python benchmarks/seed_ensemble.py RUN_DIR RUN_DIR [RUN_DIR ...] [--part test|val] [--combine mean|product]"""
import argparse, itertools
from pathlib import Path
import numpy as np, pandas as pd

def load(run, part):
    p = Path(run)/'predictions.csv'
    if not p.exists(): raise SystemExit(f"{run}: no predictions.csv (not a finished run folder)")
    d = pd.read_csv(p)
    d = d[d.part == part]
    if d.empty: raise SystemExit(f"{p}: no {part} clips")
    key = ['fold', 'npz'] if 'fold' in d else ['npz']
    return d.set_index(key).sort_index()

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('runs', nargs='+', help='run folders with predictions.csv, the same clips in each')
    ap.add_argument('--part', default='test', choices=['test', 'val'])
    ap.add_argument('--combine', default='mean', choices=['mean', 'product'], help='average the probabilities, or add the log-probabilities')
    a = ap.parse_args()
    runs = {r: load(r, a.part) for r in a.runs}
    first = next(iter(runs.values()))
    for r, d in runs.items():
        if not d.index.equals(first.index): raise SystemExit(f"{r}: not the same {a.part} clips as {a.runs[0]}")
    cols = [c for c in first.columns if c.startswith('p_')]
    y = first.label.map({c[2:]: i for i, c in enumerate(cols)}).to_numpy()
    probs = {r: d[cols].to_numpy() for r, d in runs.items()}
    if a.combine == 'product': probs = {r: np.log(np.clip(p, 1e-12, 1)) for r, p in probs.items()}   # the argmax of the mean is the product's
    print(f"{len(y)} {a.part} clips; WAR of the {'mean' if a.combine == 'mean' else 'product of the'} class probabilities of k runs, over every combination of k")
    print("| k | combinations | mean | lowest | highest | correct clips of each |")
    print("|---|---|---|---|---|---|")
    for k in range(1, len(runs) + 1):
        right = [int((np.mean([probs[r] for r in c], 0).argmax(1) == y).sum()) for c in itertools.combinations(runs, k)]
        n = len(y)
        print(f"| {k} | {len(right)} | {100 * sum(right) / (n * len(right)):.1f}% | {100 * min(right) / n:.1f}% | "
              f"{100 * max(right) / n:.1f}% | {' '.join(map(str, right))} |")

if __name__ == '__main__': main()
