"""How long `mmfer_synth` takes to write a synthetic RAVDESS, side by side in one run.

Usage: python benchmarks/synthetic.py  (prints a markdown table for BENCHMARKS.md)"""
import json, os, platform, shutil, subprocess, sys, tempfile, time
from pathlib import Path

CLI = str(Path(sys.executable).parent/'mmfer_synth')
CASES = [  # (label, arguments)
    ('24 actors x 8 emotions x 2, 160x96 @ 15 fps, 1 worker', ['--workers', '1']),
    ('24 actors x 8 emotions x 2, 160x96 @ 15 fps, 2 workers', ['--workers', '2']),
    ('2 actors x 8 emotions x 1, 1280x720 @ 30 fps, 2 workers', ['--actors', '2', '--per-emotion', '1', '--size', '1280x720', '--fps', '30', '--workers', '2']),
]

def run(args):
    d = Path(tempfile.mkdtemp())
    try:
        t0 = time.perf_counter()
        out = subprocess.run([CLI, str(d/'data'), *args], capture_output=True, text=True, check=True).stdout
        secs = time.perf_counter() - t0
        summary = json.loads(out.strip().splitlines()[-1])
        files = [f for f in (d/'data').rglob('*') if f.is_file()]
        mp4 = [f.stat().st_size for f in files if f.suffix == '.mp4']
        return secs, summary['recordings'], summary['files'], sum(f.stat().st_size for f in files), sum(mp4) / len(mp4)
    finally: shutil.rmtree(d)

if __name__ == '__main__':
    print(f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; Python {platform.python_version()}\n")
    print('| case | recordings | files | MB | MB per mp4 | seconds | ms per recording |')
    print('|---|---|---|---|---|---|---|')
    for label, args in CASES:
        secs, recs, files, size, mp4 = run(args)
        print(f'| {label} | {recs} | {files} | {size/1e6:.1f} | {mp4/1e6:.2f} | {secs:.1f} | {1000*secs/recs:.0f} |')
