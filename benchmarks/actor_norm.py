"""Speaker normalisation of the faces: is the demo limited by how its test actors look?

Writes a copy of a prepared cache in which each actor's mean frame (over all of the actor's clips and frames) is
taken from every frame of that actor's clips: `(frame - actor_mean) * gain + 128`, clipped
to uint8. What is left is how each clip's face differs from the actor's average face: the expression, and the head's
movement, without the actor's skin, hair, and face shape. Audio and the index are copied unchanged. The mean is an
aligned face only in a cache prepared with `face_crop='actor'` (the default), where all of an actor's clips are
cropped at one box. Then train on the copy, for example on all six folds:

    python benchmarks/actor_norm.py CACHE OUT_CACHE [--gain 2]
    mmfer_train --data OUT_CACHE --split kfold6 --out RUN_DIR

This is a diagnostic, not a method of mmfer. It is transductive: the mean face of a test actor comes from that
actor's unlabelled test clips, and since RAVDESS gives every actor every emotion, it is an average of all 8
expressions. A single clip of an unknown person has no such mean."""
import argparse, json, shutil
from pathlib import Path
import numpy as np
from mmfer.data.cache import load_cache

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('cache', help='a prepared cache folder (with index.csv)')
    ap.add_argument('out', help='the folder to write the normalised copy to (must not exist)')
    ap.add_argument('--gain', type=float, default=2., help='scale of the difference from the mean face (default 2)')
    a = ap.parse_args()
    src, dst = Path(a.cache), Path(a.out)
    try: index, manifest = load_cache(src)
    except FileNotFoundError as e: raise SystemExit(str(e))
    if dst.exists(): raise SystemExit(f"{dst} exists: give a new folder")
    if manifest.get('mode') == 'audio': raise SystemExit(f"{src}: an audio-only cache has no frames to normalise")
    (dst/'clips').mkdir(parents=True)
    for f in ('index.csv', 'manifest.json'): shutil.copy(src/f, dst/f)
    for actor, part in index.groupby('actor'):
        clips = {}
        for n in part.npz:
            with np.load(src/'clips'/n) as z: clips[n] = dict(z)
        mean = np.mean([c['frames'].astype(np.float32).mean(0) for c in clips.values()], 0)
        for n, c in clips.items():
            c['frames'] = np.clip((c['frames'] - mean) * a.gain + 128, 0, 255).round().astype(np.uint8)
            np.savez(dst/'clips'/n, **c)
    print(json.dumps(dict(cache=str(dst), clips=len(index), actors=int(index.actor.nunique()), gain=a.gain)))

if __name__ == '__main__': main()
