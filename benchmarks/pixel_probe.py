"""How much of a pair of emotions do the faces' pixels tell apart on new actors? A ceiling for the face reader.

The demo's errors gather on neutral against calm, which the synthetic audio cannot tell apart by design, so the face
must. This fits `mmfer.synthetic.linear_probe` (the logistic regression of `01_synthetic`) on each clip of the pair
in a prepared cache, leaving 4 actors out at a time (the six folds of `kfold6`), on:

- the true facial cues that `face_track` draws at the cached frames (6 numbers averaged over the frames): what the
  face holds before it is drawn;
- the cached face crops themselves (grey, the mean and the standard deviation of each pixel over the 8 frames);
- the same crops cut again from the source mp4 at a larger size (`--sizes`), at the same box and frames: whether the
  crop's resolution loses what tells the pair apart.

The model's face reader is not linear, so it can do better than the pixel probe; but the probe needs no training
schedule, and its numbers show how far the cue survives drawing, encoding and cropping. An accuracy diagnostic.

Usage: python benchmarks/pixel_probe.py CACHE [--pair neutral calm] [--sizes 96 128]"""
import argparse
from pathlib import Path
import numpy as np
import decord
from mmfer.core import EMOTIONS, parse_ravdess_name
from mmfer.synthetic import synth_performance, face_track, linear_probe
from mmfer.data.decode import read_frames, crop_frames, pixel_box
from mmfer.data.cache import load_cache
from mmfer.data.index import actor_split

def pixels(frames):
    "Mean and standard deviation over time of each grey pixel of frames [T, S, S, 3]"
    g = frames.astype(np.float32).mean(-1)
    return np.concatenate([g.mean(0).ravel(), g.std(0).ravel()])

def cues(row, indices, fps, size, n_frames, seed=0):
    "The true facial cues `face_track` draws at the frames `indices` of the synthetic recording of `row`, averaged"
    p = synth_performance(parse_ravdess_name(row.video_src), seed)
    f = face_track(p, size, fps)   # at the mp4's own frame rate and size (`mmfer_synth --fps/--size`)
    if len(f['t']) != n_frames: raise SystemExit(f"{row.video_src}: {n_frames} frames, but face_track draws {len(f['t'])}: another seed or set?")
    i = np.asarray(indices)
    # what `_draw_face` reads: smile, mouth opening, eye opening (with blinks), brow raise and tilt, and head motion
    return np.array([f['smile'][i].mean(), f['mouth'][i].mean(), f['eyes'][i].mean(), f['brow'][i].mean(),
                     f['tilt'][i].mean(), np.std(f['cx'][i]) + np.std(f['cy'][i])])

def kfold6(X, y, actor, pair):
    "Accuracy per kfold6 fold (test actors 4k+1 .. 4k+4) of `linear_probe` trained on the other 20 actors, argmax within `pair`"
    acc = []
    for k in range(6):
        te = np.isin(actor, actor_split('kfold6', k)['test'])
        lp = linear_probe(X[~te], y[~te], X[te])[:, pair]
        acc.append((np.array(pair)[lp.argmax(1)] == y[te]).mean())
    return np.array(acc)

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('cache', help="a prepared cache of the synthetic set (the demo's: MMFER_CACHE/multimodal-speech-...)")
    ap.add_argument('--pair', nargs=2, default=['neutral', 'calm'], choices=EMOTIONS, help='two emotions (default neutral calm)')
    ap.add_argument('--sizes', nargs='*', type=int, default=[96, 128], help='crop sizes to cut again from the mp4 files')
    ap.add_argument('--seed', type=int, default=0, help="the synthetic set's seed (the demo's: 0)")
    a = ap.parse_args()
    cache, pair = Path(a.cache), [EMOTIONS.index(e) for e in a.pair]
    index = load_cache(cache)[0]
    index = index[index.label.isin(a.pair)].reset_index(drop=True)
    feats = {'true facial cues': [], 'cached crops': []} | {f"crops cut again at {s} px": [] for s in a.sizes}
    for row in index.itertuples():
        with np.load(cache/'clips'/row.npz) as z: frames, idx, box = z['frames'], z['indices'], z['box']
        vr = decord.VideoReader(row.video_src)
        src = read_frames(row.video_src, idx, vr)
        H, W = src.shape[1:3]
        feats['true facial cues'].append(cues(row, idx, vr.get_avg_fps(), (W, H), len(vr), a.seed))
        feats['cached crops'].append(pixels(frames))
        pb = None if np.isnan(box).any() else pixel_box(box, W, H)   # NaN: the clip was centre-cropped (no face found)
        for s in a.sizes: feats[f"crops cut again at {s} px"].append(pixels(crop_frames(src, pb, s)))
    y, actor = np.array([EMOTIONS.index(l) for l in index.label]), index.actor.to_numpy()
    print(f"{len(index)} clips of {' and '.join(a.pair)} (cached crops of {frames.shape[1]} px); linear_probe, 4 actors left "
          f"out at a time (kfold6 folds)")
    print("| features | folds 0-5 | pooled |\n|---|---|---|")
    for name, X in feats.items():
        acc = kfold6(np.array(X), y, actor, pair)
        print(f"| {name} | {' / '.join(f'{100 * v:.0f}' for v in acc)}% | {100 * acc.mean():.1f}% |")
    X = np.array(feats['true facial cues'])
    names = ('smile', 'mouth opening', 'eye opening', 'brow raise', 'brow tilt', 'head motion')
    print('\ntrue facial cues one at a time, pooled: ' + ', '.join(f"{n} {100 * kfold6(X[:, [k]], y, actor, pair).mean():.1f}%"
                                                            for k, n in enumerate(names)))

if __name__ == '__main__': main()
