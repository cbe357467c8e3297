"""How well a trained run fits its own training clips: WAR and recall per emotion on each part of its split.

`mmfer_train` keeps the epoch of best validation UAR (`model/`) and, with checkpoints, the last epoch (`ckpt-N/`).
This scores a model folder on every clip of the run's prepared cache, unaugmented, in eval mode: the training
actors too, which the run's own metrics never show. A model that misses training clips underfits; one that fits
them and misses the test actors does not generalise. An accuracy diagnostic, not a benchmark of speed.

Usage: python benchmarks/fit_check.py RUN_DIR [MODEL_DIR ...]   (default MODEL_DIR: RUN_DIR/model; e.g. RUN_DIR/ckpt-50)"""
import argparse
from pathlib import Path
import numpy as np
import pandas as pd
import torch
from mmfer.core import EMOTIONS
from mmfer.data.cache import load_cache, load_clip
from mmfer.data.index import split_index
from mmfer.interpret import load_run, run_args

def scores(model, cache, index, modality, bs=32):
    "Predicted class of every clip of `index` (rows of the prepared `cache`)"
    preds = []
    for s in range(0, len(index), bs):
        clips = [load_clip(cache, n) for n in index.npz.iloc[s:s + bs]]
        a = torch.stack([torch.from_numpy(c['audio']) for c in clips]) if modality != 'visual' else None
        f = torch.stack([torch.from_numpy(c['frames']).permute(0, 3, 1, 2) for c in clips]).float().div(255) if modality != 'audio' else None
        with torch.no_grad(): preds.append(model(a, f).float().argmax(-1).numpy())
    return np.concatenate(preds)

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('run', help='a run folder of mmfer_train (one fold: fixed, or a fold-K folder)')
    ap.add_argument('models', nargs='*', help='model folders to score (default: RUN/model)')
    a = ap.parse_args()
    run = Path(a.run)
    if list(run.glob('fold-*')): raise SystemExit(f"{run} is a k-fold run: give one of its fold-K folders")
    args = run_args(run)   # (a fold-K folder: the k-fold run's)
    cache = pd.read_csv(run/'predictions.csv').cache.iloc[0]
    fold = int(run.name.split('-')[1]) if run.name.startswith('fold-') else 0
    index = split_index(load_cache(cache)[0], args.get('split', 'fixed'), fold)
    modality = args.get('modality', 'multimodal')
    print(f"{run}: {args.get('split', 'fixed')} fold {fold}, {modality}, cache {cache}")
    print("| model | part | clips | WAR | " + ' | '.join(EMOTIONS) + " |")
    print("|---|---|---|---|" + "---|" * len(EMOTIONS))
    for m in a.models or [run/'model']:
        model, _ = load_run(m); model.eval()
        pred, y = scores(model, cache, index, modality), index.emotion.to_numpy() - 1
        for part in ('train', 'valid', 'test'):
            k = (index.part == part).to_numpy()
            rec = [f"{(pred[k & (y == c)] == c).mean():.0%}" if (k & (y == c)).any() else '-' for c in range(len(EMOTIONS))]
            print(f"| {Path(m).name} | {part} | {k.sum()} | {(pred[k] == y[k]).mean():.1%} | " + ' | '.join(rec) + " |")

if __name__ == '__main__': main()
