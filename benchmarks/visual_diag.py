"""Diagnostic for the `tiny` visual branch: how well a small image model learns the synthetic faces across actors.

Trains, on the frames of a prepared clip cache (the `fixed` split: actors 1-16 train, 17-20 validation, 21-24 test),
either the `tiny` preset's random SigLIP vision tower (`TINY_VISION`, mean-pooled patch tokens, mean over the T
frames, one linear layer) or a small 4-layer CNN for comparison, with AdamW, one-cycle, label smoothing 0.1 and
random horizontal flips, and prints train / validation / test accuracy (clip level) every 10 epochs.

It isolates the image encoder from the rest of `MultimodalFER` (ROI compression, temporal encoder, fusion), to tell
whether a weak visual branch comes from the encoder or from what follows it.

Usage: python benchmarks/visual_diag.py CACHE [--model vit|cnn] [--epochs N] [--size PX] [--vision '{"patch_size": 8}']
       [--stem 16 32 32] [--fine 16] [--upsample 2] [--seeds 0 1 2] [--split kfold6]
--stem puts `mmfer.model.visual.ConvStem` (3x3 stride-2 convolutions) in place of the ViT's patch embedding.
--fine C... (with --stem) adds 3x3 stride-1 convolutions (GroupNorm, ReLU) with C channels at full resolution before
the stem; --upsample 2 (with --stem) enlarges the frames twice (bilinear) before a stem with one more stride-2
layer (the same token grid). Both are experiments for reading fine detail (eye height), not mmfer options.
--actor-norm (vit) standardises each clip's embedding over the clips of the same actor before the head (training
batches hold one actor's clips each; the test actors are scored with their own clips): what a reference face of
each actor would add. It is transductive (an actor's unlabelled clips are seen together), not what mmfer does.
With several --seeds it trains once per seed and also prints the mean, and the accuracy on the neutral and calm
clips alone (the pair the demo's errors gather on).
With --split kfold6 it trains once per fold (on that fold's 16 training actors) and scores the fold's 4 test actors
three ways: accuracy; *audio-group oracle* accuracy, the argmax restricted to the clip's audio group (the pairs
`confusable_pairs(AUDIO_PROFILE, AUDIO_SPREAD)` of `01_synthetic`: neutral/calm, happy/surprised, angry/disgust;
the others alone), which is what a multimodal model whose audio told the group perfectly could reach with this
face reader; and neutral-vs-calm accuracy on the neutral and calm clips (the larger of the two logits).
CACHE: a prepared cache folder (with index.csv and clips/), e.g. the one `mmfer_train` prints for the demo."""
import argparse, json
import numpy as np, torch
from torch import nn
from mmfer.data.cache import load_cache, load_clip
from mmfer.data.index import split_index, actor_split
from mmfer.synthetic import confusable_pairs, AUDIO_PROFILE, AUDIO_SPREAD
from mmfer.core import EMOTIONS
from mmfer.model.visual import vision_encoder, conv_stem, ConvStem, TINY_VISION

def load_frames(folder, size=None):
    "Frames [N, T, 3, S, S] in [0, 1], 0-based labels and the `fixed` split part of every clip in the cache `folder`"
    ix = split_index(load_cache(folder)[0])
    f = torch.tensor(np.stack([load_clip(folder, n)['frames'] for n in ix.npz])).permute(0, 1, 4, 2, 3).float() / 255
    if size and size != f.shape[-1]:
        f = nn.functional.interpolate(f.flatten(0, 1), size=(size, size), mode='area').view(*f.shape[:3], size, size)
    return f, torch.tensor(ix.emotion.values - 1), ix.part.values

class SmallCNN(nn.Module):
    "4 conv-BN-ReLU-maxpool blocks, global average pool, linear; logits averaged over frames"
    def __init__(self, n=8):
        super().__init__()
        blk = lambda i, o: nn.Sequential(nn.Conv2d(i, o, 3, padding=1), nn.BatchNorm2d(o), nn.ReLU(), nn.MaxPool2d(2))
        self.body = nn.Sequential(blk(3, 16), blk(16, 32), blk(32, 32), blk(32, 32), nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.head = nn.Linear(32, n)
    def forward(self, x, g=None):
        B, T = x.shape[:2]
        return self.head(self.body(x.flatten(0, 1)).view(B, T, -1).mean(1))

class FineStem(nn.Sequential):
    "3x3 stride-1 convolutions (GroupNorm, ReLU) with `fine` channels at full resolution, then a `ConvStem`"
    def __init__(self, dim, patch_size=16, channels=(16, 32, 32), fine=(16,)):
        layers, c = [], 3
        for o in fine: layers += [nn.Conv2d(c, o, 3, 1, 1, bias=False), nn.GroupNorm(1, o), nn.ReLU()]; c = o
        stem = ConvStem(dim, patch_size, channels)
        stem[0] = nn.Conv2d(c, stem[0].out_channels, 3, 2, 1, bias=False)
        super().__init__(*layers, *stem)
    @property
    def weight(self): return self[-1].weight   # SigLIP casts the pixels to the patch embedding's dtype

class Upsampled(nn.Module):
    "`stem` applied to the image enlarged `k` times (bilinear)"
    def __init__(self, stem, k=2): super().__init__(); self.stem, self.k = stem, k
    def forward(self, x): return self.stem(nn.functional.interpolate(x, scale_factor=self.k, mode='bilinear'))
    @property
    def weight(self): return self.stem.weight

class TinyViT(nn.Module):
    "The `tiny` preset's random SigLIP vision tower, mean-pooled tokens, mean over frames, linear"
    def __init__(self, config, n=8, stem=None, fine=None, upsample=None, actor_norm=False):
        super().__init__()
        self.actor_norm = actor_norm
        self.enc = vision_encoder(None, config)
        d, p = config['hidden_size'], config['patch_size']
        if stem and fine: self.enc.embeddings.patch_embedding = FineStem(d, p, stem, fine)
        elif stem and upsample: self.enc.embeddings.patch_embedding = Upsampled(ConvStem(d, p * upsample, [*stem, stem[-1]]), upsample)
        elif stem: conv_stem(self.enc, stem)
        self.head = nn.Linear(config['hidden_size'], n)
    def forward(self, x, g=None):
        B, T = x.shape[:2]
        t = self.enc(pixel_values=(x.flatten(0, 1) - 0.5) / 0.5).last_hidden_state.mean(1).view(B, T, -1).mean(1)
        if self.actor_norm:   # each actor's clips standardised together (`g`: the actor of each clip)
            out = torch.empty_like(t)
            for u in g.unique(): m = g == u; out[m] = (t[m] - t[m].mean(0)) / (t[m].std(0) + 1e-5)
            t = out
        return self.head(t)

def fit(f, y, part, a, seed, log=True):
    "Train one model with seed `seed` on the clips whose `part` is 'train'; the model"
    torch.manual_seed(seed)
    parts = [torch.tensor(part == p) for p in ('train', 'valid', 'test')]
    cfg = {**TINY_VISION, 'image_size': f.shape[-1], **json.loads(a.vision)}
    model = TinyViT(cfg, stem=a.stem, fine=a.fine, upsample=a.upsample, actor_norm=a.actor_norm) if a.model == 'vit' else SmallCNN()
    xs, ys, gs = f[parts[0]], y[parts[0]], a.actor[parts[0]]
    opt = torch.optim.AdamW(model.parameters(), a.lr, weight_decay=0.01)
    steps = len(gs.unique()) if a.actor_norm else -(-len(xs) // a.bs)   # batches per epoch (--actor-norm: one per actor)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, a.lr, total_steps=a.epochs * steps)
    if log: print(f"{a.model} {cfg if a.model == 'vit' else ''} stem {a.stem} fine {a.fine} upsample {a.upsample} actor norm {a.actor_norm} seed {seed}, frames {list(f.shape[1:])}, {len(xs)} training clips")
    for ep in range(a.epochs):
        model.train()
        batches = torch.randperm(len(xs)).split(a.bs)
        if a.actor_norm: batches = [b[torch.randperm(len(b))] for b in (torch.nonzero(gs == u)[:, 0] for u in gs.unique()[torch.randperm(len(gs.unique()))])]
        for b in batches:
            x = xs[b].clone(); flip = torch.rand(len(b)) < 0.5; x[flip] = x[flip].flip(-1)
            loss = nn.functional.cross_entropy(model(x, gs[b]), ys[b], label_smoothing=0.1)
            opt.zero_grad(); loss.backward(); opt.step(); sched.step()
        if log and (ep % 10 == 9 or ep == a.epochs - 1):
            acc = scores(model, f, y, parts, a.actor)[1]
            print(f"epoch {ep + 1}: train {acc[0]:.1%}  valid {acc[1]:.1%}  test {acc[2]:.1%}", flush=True)
    return model.eval()

def scores(model, f, y, parts, actor):
    "(predictions, accuracy) of `model` (put in eval mode) on each of the boolean masks `parts`"
    model.eval()
    with torch.no_grad(): pred = [model(f[p], actor[p]).argmax(1) for p in parts]
    return pred, [(pr == y[p]).float().mean().item() for pr, p in zip(pred, parts)]

def train(f, y, part, a, seed):
    "Train one model with seed `seed`; (accuracy, neutral-and-calm accuracy) per part (train, valid, test) at the end"
    model = fit(f, y, part, a, seed)
    parts = [torch.tensor(part == p) for p in ('train', 'valid', 'test')]
    pred, acc = scores(model, f, y, parts, a.actor)
    nc = [y[p] <= 1 for p in parts]   # neutral (0) and calm (1)
    return [(a_, (pr[m] == y[p][m]).float().mean().item()) for a_, pr, p, m in zip(acc, pred, parts, nc)]

def group_mask():
    "[8, 8]: 0 where the column's emotion is in the row's audio group (the row itself included), -inf elsewhere"
    m = torch.full((8, 8), -float('inf')); m.fill_diagonal_(0)
    for a, b in confusable_pairs(AUDIO_PROFILE, AUDIO_SPREAD): i, j = EMOTIONS.index(a), EMOTIONS.index(b); m[i, j] = m[j, i] = 0
    return m

def kfold(f, y, actor, a, seed):
    "Train once per kfold6 fold; [test accuracy, audio-group oracle accuracy, neutral-vs-calm accuracy] per fold"
    mask, rows = group_mask(), []
    for k in range(6):
        s = actor_split('kfold6', k)
        part = np.where(np.isin(actor, s['test']), 'test', np.where(np.isin(actor, s['train']), 'train', 'valid'))
        model = fit(f, y, part, a, seed, log=False)
        test = torch.tensor(part == 'test')
        with torch.no_grad(): lo = model(f[test], a.actor[test])
        yt = y[test]
        nc = yt <= 1   # neutral (0) and calm (1)
        r = [(lo.argmax(1) == yt).float().mean().item(), ((lo + mask[yt]).argmax(1) == yt).float().mean().item(),
             (lo[nc][:, :2].argmax(1) == yt[nc]).float().mean().item()]
        print(f"seed {seed} fold {k} (test actors {s['test']}): test {r[0]:.1%}  audio-group oracle {r[1]:.1%}  "
              f"neutral vs calm {r[2]:.1%}", flush=True)
        rows.append(r)
    return rows

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('cache'); ap.add_argument('--model', choices=['vit', 'cnn'], default='vit')
    ap.add_argument('--epochs', type=int, default=30); ap.add_argument('--lr', type=float, default=3e-3)
    ap.add_argument('--bs', type=int, default=16); ap.add_argument('--size', type=int)
    ap.add_argument('--vision', default='{}', help='SiglipVisionConfig fields over TINY_VISION (vit)')
    ap.add_argument('--stem', type=int, nargs='+', help='ConvStem channels in place of the patch embedding (vit)')
    ap.add_argument('--fine', type=int, nargs='+', help='stride-1 convolution channels before the stem (with --stem)')
    ap.add_argument('--upsample', type=int, choices=[2], help='enlarge the frames this many times before the stem (with --stem)')
    ap.add_argument('--actor-norm', action='store_true', help="standardise each clip's embedding over its actor's clips (vit)")
    ap.add_argument('--seed', type=int, default=0); ap.add_argument('--seeds', type=int, nargs='+')
    ap.add_argument('--split', choices=['fixed', 'kfold6'], default='fixed')
    a = ap.parse_args()
    if (a.fine or a.upsample) and not a.stem: ap.error('--fine and --upsample need --stem')
    if a.fine and a.upsample: ap.error('--fine and --upsample are two different stems: give one')
    if a.model == 'cnn' and (a.stem or a.actor_norm): ap.error('--stem, --fine, --upsample and --actor-norm are for --model vit')
    f, y, part = load_frames(a.cache, a.size)
    actor = split_index(load_cache(a.cache)[0]).actor.to_numpy()
    a.actor = torch.tensor(actor)
    if a.split == 'kfold6':
        r = np.array([kfold(f, y, actor, a, s) for s in (a.seeds or [a.seed])]).reshape(-1, 3)
        print(f"{a.model} stem {a.stem} fine {a.fine} upsample {a.upsample} actor norm {a.actor_norm}, {len(r)} fold runs: test {r[:, 0].mean():.1%}  audio-group oracle {r[:, 1].mean():.1%}  "
              f"neutral vs calm {r[:, 2].mean():.1%}")
        return
    r = np.array([train(f, y, part, a, s) for s in (a.seeds or [a.seed])])   # seeds x parts x (all, neutral+calm)
    if len(r) > 1:
        m = r.mean(0)
        print(f"mean of {len(r)} seeds: train {m[0, 0]:.1%}  valid {m[1, 0]:.1%}  test {m[2, 0]:.1%}  |  neutral and calm "
              f"clips: valid {m[1, 1]:.1%}  test {m[2, 1]:.1%}")

if __name__ == '__main__': main()
