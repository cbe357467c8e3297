"""Would combining a multimodal model's three input modes help? Scores each fold's saved model on its validation and test clips.

`MultimodalFER` serves multimodal, audio-only and visual-only inputs with one set of weights (a missing modality is a
learned mask embedding, trained with modality dropout). For every clip of a run's `predictions.csv` this script
computes the model's log-probabilities with both modalities (`mm`), audio only (`a`) and frames only (`v`). It counts
the clips where `mm` differs from the prediction the run recorded (0 expected for a run trained and scored in fp32),
and reports the WAR of each mode and of fixed sums of their log-probabilities (a product of experts: `mm+a+v` and
others, with rules fixed before looking at any result). An accuracy diagnostic, not part of mmfer: it asks whether a
late-fusion ensemble at inference beats the fused model.

Usage: python benchmarks/modality_ensemble.py RUN_DIR [--threads N]   (a fixed run folder, or a k-fold one with fold-K/)"""
import argparse, json
from pathlib import Path
import numpy as np, pandas as pd, torch
from mmfer.core import EMOTIONS
from mmfer.data.cache import load_clip
from mmfer.interpret import Predictor

MODES = dict(mm=('audio', 'frames'), a=('audio',), v=('frames',))
RULES = {'mm': dict(mm=1), 'a': dict(a=1), 'v': dict(v=1), 'mm+a+v': dict(mm=1, a=1, v=1), '2mm+a+v': dict(mm=2, a=1, v=1),
         'a+v': dict(a=1, v=1), 'mm+a': dict(mm=1, a=1), 'mm+v': dict(mm=1, v=1)}

def score_run(run:Path)->pd.DataFrame:
    "One row per validation and test clip of each fold: fold, part, label and the log-probabilities of each mode"
    args = run/'args.json'
    mode = json.loads(args.read_text()).get('modality') if args.exists() else None
    if mode != 'multimodal': raise SystemExit(f"{run}: needs a multimodal run folder of mmfer_train (args.json says {mode!r})")
    rows, differ = [], 0
    for fold in sorted(run.glob('fold-*')) or [run]:
        pr = Predictor(fold)
        for r in pd.read_csv(fold/'predictions.csv').itertuples():
            x = load_clip(r.cache, r.npz)
            lp = {m: np.log(pr.probs({k: x[k] for k in keep}) + 1e-9) for m, keep in MODES.items()}
            differ += EMOTIONS[lp['mm'].argmax()] != r.pred   # 0 for a run scored in fp32; a GPU run scored in bf16 may differ on near-ties
            rows.append(dict(fold=fold.name, part=r.part, label=EMOTIONS.index(r.label), **lp))
        print(f"{fold}: {len(rows)} clips scored so far", flush=True)
    print(f"multimodal predictions that differ from the run's predictions.csv: {differ} of {len(rows)}")
    return pd.DataFrame(rows)

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('run', type=Path); ap.add_argument('--threads', type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    df = score_run(a.run)
    print("\n| rule | part | WAR (clips) | per fold |\n|---|---|---|---|")
    for name, w in RULES.items():
        for part in ('val', 'test'):
            d = df[df.part == part]
            ok = np.stack([sum(k * r[m] for m, k in w.items()) for _, r in d.iterrows()]).argmax(1) == d.label.values
            folds = ' / '.join(f"{100 * ok[d.fold.values == f].mean():.1f}" for f in sorted(d.fold.unique()))
            print(f"| {name} | {part} | {100 * ok.mean():.1f}% ({ok.sum()}/{len(ok)}) | {folds} |")

if __name__ == '__main__': main()
