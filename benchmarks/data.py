"""Data pipeline benchmarks at the RAVDESS size (1280x720, 30 fps, 3-5 s clips), side by side in one run:

1. preparation (decode + speech bounds + face crop + audio window + write), clips/s (the faster of two runs each, taken
   in turn), against decord's plain decode of
   the same 16 frames and the same audio track of the same files; with the default `face_crop='actor'` (a second
   pass crops each clip at its actor's median face box, from the frames the first pass kept around the clip's own
   face, or from its frames read again where those do not hold the box) and with `'clip'` (one pass);
2. one epoch of training batches from the cache against decoding the clips on the fly;
3. peak memory (max RSS) of a preparation run in a fresh process.

Usage: python benchmarks/data.py [--actors N]   (prints a markdown report for BENCHMARKS.md)"""
import argparse, os, platform, shutil, subprocess, sys, tempfile, time
from pathlib import Path
import numpy as np, torch, decord
from mmfer.synthetic import make_synthetic_ravdess
from mmfer.data.index import find_ravdess, ravdess_index, select_sources
from mmfer.data.decode import DecodeConfig, decode_recording
from mmfer.data.cache import prepare_cache, load_cache
from mmfer.data.loaders import ClipDataset, ClipDataLoader, Augment, augment_audio, augment_frames

def decode_only(rows, indices):
    "decord: open each 01 mp4, read the same frames and its 16 kHz mono audio track"
    for r, idx in zip(rows, indices):
        vr = decord.VideoReader(r.video_src); vr.get_batch(idx.tolist()).asnumpy()
        decord.AudioReader(r.audio_src, sample_rate=16000, mono=True)[:].asnumpy()

def main(actors=2):
    tmp = Path(tempfile.mkdtemp())
    try:
        t0 = time.perf_counter()
        make_synthetic_ravdess(tmp/'ravdess', actors=list(range(1, actors + 1)), per_emotion=1, size=(1280, 720), fps=30,
                               workers=os.cpu_count(), progress=False)
        gen = time.perf_counter() - t0
        rows = list(select_sources(ravdess_index(find_ravdess(tmp/'ravdess')[0]), 'multimodal')[0].itertuples())
        cfg = DecodeConfig()
        # 1. preparation vs decode-only, one process each, same files, after one clip was decoded untimed (what is loaded
        # on first use: the face cascades, the resampling kernel); the three alternate, twice, and the faster of each counts
        idx = [decode_recording(r.video_src, r.audio_src, cfg)['indices'] for r in rows]   # the frames preparation read
        def timed(f):
            t0 = time.perf_counter(); out = f(); return time.perf_counter() - t0, out
        prep = prep1 = dec = float('inf')
        for k in range(2):
            t, s = timed(lambda: prepare_cache(tmp/'ravdess', tmp/f'cache{k}', cfg=cfg, workers=0, progress=False)); prep = min(prep, t)
            # the same with each clip cropped at its own face box: one pass, no second crop (`recrop_clip`)
            t, _ = timed(lambda: prepare_cache(tmp/'ravdess', tmp/f'clip{k}', cfg=DecodeConfig(face_crop='clip'), workers=0, progress=False)); prep1 = min(prep1, t)
            t, _ = timed(lambda: decode_only(rows, idx)); dec = min(dec, t)
        # 2. an epoch from the cache vs on the fly (batches of 8, no workers, training augmentation on)
        index, _ = load_cache(s['cache'])
        dl = ClipDataLoader(ClipDataset(s['cache'], index, Augment()), bs=8, shuffle=True)
        t0 = time.perf_counter(); n = sum(len(b[2]) for b in dl); cached = time.perf_counter() - t0
        t0 = time.perf_counter(); rng = np.random.default_rng(0)
        for r in rows:   # what a loader without the cache does for every clip of every epoch
            d = decode_recording(r.video_src, r.audio_src, cfg)
            augment_audio(d['audio'], Augment(), rng); augment_frames(d['frames'], Augment(), rng)
        fly = time.perf_counter() - t0
        # 3. peak memory of preparation in a fresh process: the peak is reset after the imports (Linux clear_refs)
        code = ("import re, mmfer.data.cache as m\n"
                "hwm = lambda: int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n"
                "base = hwm(); open('/proc/self/clear_refs', 'w').write('5')\n"
                f"m.prepare_cache({str(tmp/'ravdess')!r}, {str(tmp/'cache2')!r}, workers=0, progress=False)\n"
                "print(base, hwm())")
        base, rss = map(int, subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, check=True).stdout.split()[-2:])
        c = len(rows)
        print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, no GPU; Python {platform.python_version()}, "
              f"torch {torch.__version__}, decord {decord.__version__}. {c} synthetic clips at 1280x720, 30 fps "
              f"({gen:.0f} s to generate).\n")
        print("| measurement | seconds | clips/s | ratio |\n|---|---|---|---|")
        print(f"| decord decode only: 16 frames + 16 kHz audio per clip, 1 process | {dec:.2f} | {c/dec:.2f} | 1 |")
        print(f"| mmfer preparation (decode, speech bounds, face, crop, audio window, write; crop again at the actor's box), 1 process | {prep:.2f} | {c/prep:.2f} | {dec/prep:.2f} of decode-only |")
        print(f"| the same with `face_crop='clip'` (each clip at its own face box: no second crop), 1 process | {prep1:.2f} | {c/prep1:.2f} | {dec/prep1:.2f} of decode-only |")
        print(f"| one training epoch from the cache (bs 8, augmentation on, {n} clips) | {cached:.3f} | {n/cached:.1f} | {fly/cached:.0f}x faster than on the fly |")
        print(f"| the same clips decoded and augmented on the fly | {fly:.2f} | {c/fly:.2f} | |")
        print(f"\nPeak memory of preparation (one process, these clips): {rss/1024:.0f} MB resident at most while preparing, "
              f"after the imports (torch, decord, OpenCV) had peaked at {base/1024:.0f} MB. Faces found: {s['faces_found']} of {s['clips']}; "
              f"clips whose frames the default preparation read twice: {s['read_twice']}.")
    finally: shutil.rmtree(tmp)

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--actors', type=int, default=2)
    main(ap.parse_args().actors)
