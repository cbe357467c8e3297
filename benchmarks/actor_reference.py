"""Each actor as its own reference: the demo with the vision tokens standardised over the clips of one actor.

An accuracy experiment for issue 5's 90% goal, not a method of mmfer (yet). The `tiny` demo's errors are mostly
neutral against calm on the face, and the test actors 21 and 23 have eyes drawn wide open at rest: without knowing
how an actor looks at rest, a face reader takes their calm for neutral. This script gives the model that reference.
It runs `train_run` (the demo's recipe) with three changes patched in for the run:

- each part of the split is put in actor order, so that an unshuffled batch of 16 holds one actor's 16 clips (the
  synthetic set has 16 per actor: 8 emotions x 2);
- training batches are shuffled by actor: each batch is the 16 clips of one actor, in random order;
- `VisualBranch.from_tokens` standardises the SigLIP patch tokens [B*T, P, D] over the batch's frames, per patch
  and channel, before the ROI compression: each clip's face is read relative to its actor's mean face, in feature
  space, over all of that actor's clips and emotions.

It is transductive: a test actor's statistics come from that actor's 16 unlabelled test clips scored together, which
works because RAVDESS (and the synthetic set) gives every actor every emotion. A single clip of an unknown person
has no such reference. `--running` instead scores with running statistics kept during training (a batch norm
trained on one-actor batches, which a single clip could use): that tells whether the gain is in the training or in
the test actors' own reference.

Usage: python benchmarks/actor_reference.py CACHE OUT [--seeds 0 1 2] [--stem 16 32 32] [--split fixed|kfold6]
       [--folds 0 1 2] [--running] [--modality multimodal|visual]
CACHE: the demo's prepared cache (16 clips per actor; the batch size is 16; another cache is refused). Each run
writes its `train_run` folder to OUT/seed-S (fixed) or OUT/seed-S/fold-K (kfold6, which holds `train_run`'s own
fold-K folder). These are patched runs: loaded by mmfer (`load_model`, `Predictor`, `fit_check.py`), their models
predict *without* the normalisation, and those of `--running` do not load at all (their `visual.ref_*` buffers)."""
import argparse, json, time
from pathlib import Path
import torch
import mmfer.data.loaders as L
import mmfer.model.visual as V
from mmfer.train import train_run

BS = 16   # the demo's batch size, and the synthetic set's clips per actor (8 emotions x 2)

def patch(running:bool=False):
    "Patch mmfer for the experiment (see the module's docstring)"
    split = L.split_index
    def by_actor(*a, **k):
        ix = split(*a, **k)
        n = ix.groupby(['part', 'actor']).size()
        if (n != BS).any(): raise SystemExit(f"every actor must have {BS} clips in each part (one batch of {BS} per actor); "
                                             f"this cache has {sorted(set(n))}: the demo's prepared cache has 16")
        return ix.sort_values(['part', 'actor'], kind='stable')
    L.split_index = by_actor   # `ravdess_dataloaders` builds each part's `ClipDataset` from this order
    def shuffle_fn(self, idxs):   # actors in random order, each actor's clips in random order
        act, groups = self.dataset.index.actor.to_numpy(), {}
        for i in idxs: groups.setdefault(act[i], []).append(i)
        return [i for a in self.rng.sample(sorted(groups), len(groups)) for i in self.rng.sample(groups[a], len(groups[a]))]
    L.ClipDataLoader.shuffle_fn = shuffle_fn
    from_tokens = V.VisualBranch.from_tokens
    def normed(self, tokens, B):
        if running and not self.training: m, s = self.ref_mean, self.ref_std
        else:
            m, s = tokens.mean(0), tokens.std(0)
            if running:
                with torch.no_grad():
                    if not hasattr(self, 'ref_mean'): self.register_buffer('ref_mean', m.detach().clone()); self.register_buffer('ref_std', s.detach().clone())
                    else: self.ref_mean.lerp_(m.detach(), 0.1); self.ref_std.lerp_(s.detach(), 0.1)
        return from_tokens(self, (tokens - m) / (s + 1e-5), B)
    V.VisualBranch.from_tokens = normed

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('cache'); ap.add_argument('out')
    ap.add_argument('--seeds', type=int, nargs='+', default=[0])
    ap.add_argument('--stem', type=int, nargs='+', help='ConvStem channels (`ModelConfig.vision_stem`); default: none')
    ap.add_argument('--split', choices=['fixed', 'kfold6'], default='fixed')
    ap.add_argument('--folds', type=int, nargs='+', help='kfold6 folds to run (default: all six)')
    ap.add_argument('--running', action='store_true', help='score with running statistics, not the actor\'s own')
    ap.add_argument('--modality', choices=['multimodal', 'visual'], default='multimodal', help='(audio-only has no vision tokens)')
    a = ap.parse_args()
    patch(a.running)
    kw = dict(vision_stem=a.stem) if a.stem else {}
    kw['modality'] = a.modality
    folds = (a.folds if a.folds is not None else range(6)) if a.split == 'kfold6' else [None]
    right = total = 0
    for s in a.seeds:
        for k in folds:
            out, t = Path(a.out)/f'seed-{s}'/(f'fold-{k}' if k is not None else ''), time.time()
            train_run(a.cache, out, seed=s, bs=BS, progress=False, log=lambda *x: None, **kw,
                      **(dict(split='kfold6', fold=k) if k is not None else {}))
            m = json.loads((out/'metrics.json').read_text())
            n = sum(v['support'] for v in m['test']['per_class'].values())
            right, total = right + round(m['test']['war'] * n), total + n
            print(f"seed {s}{'' if k is None else f' fold {k}'}: test WAR {m['test']['war']:.1%}  valid WAR "
                  f"{m['val']['war']:.1%}  best epoch {m['best_epoch']}  ({time.time() - t:.0f} s)", flush=True)
    print(f"{a.modality}, stem {a.stem}, running {a.running}: {right} of {total} test clips ({right / total:.1%})")

if __name__ == '__main__': main()
