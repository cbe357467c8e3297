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
from mmfer.data.cache import load_cache
from mmfer.data.index import split_index
from mmfer.data.loaders import ClipDataset, ClipDataLoader
from mmfer.learner import classification_metrics, modality_inputs
from mmfer.interpret import load_run, run_args

def scores(model, cache, index, modality, bs=32):
    "(labels, predicted classes) of the clips of `index` (rows of the prepared `cache`), read as training reads them, unaugmented"
    ys, preds = [], []
    for a, f, y in ClipDataLoader(ClipDataset(cache, index), bs=bs, shuffle=False, drop_last=False, device='cpu'):
        a, f = modality_inputs(a, f, modality)   # as `ModalityInput` hands them to the model
        with torch.no_grad(): preds.append(model(a, f).float().argmax(-1).numpy())
        ys.append(y.numpy())
    return np.concatenate(ys), np.concatenate(preds)

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
        for part in ('train', 'valid', 'test'):
            y, pred = scores(model, cache, index[index.part == part], modality)
            s = classification_metrics(y, pred)
            rec = [f"{s['per_class'][e]['recall']:.0%}" if s['per_class'][e]['support'] else '-' for e in EMOTIONS]
            print(f"| {Path(m).name} | {part} | {len(y)} | {s['war']:.1%} | " + ' | '.join(rec) + " |")

if __name__ == '__main__': main()
