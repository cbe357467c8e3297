"""Inference benchmarks, side by side in one run, on the CPU:

1. `Predictor.predict` latency per clip for `tiny`, split into preprocessing (decode the mp4: audio, speech window,
   frame sampling, face detection and crop; the same functions as training) and the model forward pass (batch 1);
2. ONNX Runtime against PyTorch on the same inputs (the exported `tiny` graph), batch 1 and batch 16, as a ratio.

Random `tiny` weights (the timings do not depend on them); synthetic RAVDESS mp4 files (with audio) written first.
Usage: python benchmarks/predict.py [--clips N] [--repeats R]   (prints a markdown report for BENCHMARKS.md)"""
import argparse, contextlib, io, os, platform, statistics, tempfile, time
from pathlib import Path
import torch
from mmfer.synthetic import make_synthetic_ravdess
from mmfer.model.core import create_model
from mmfer.interpret import Predictor, media_files
from mmfer.export import export_onnx, _inputs

def timed(f, repeats):
    "Median seconds of `repeats` calls of f() after one warm-up call"
    f(); ts = []
    for _ in range(repeats):
        t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
    return statistics.median(ts)

def main(clips=8, repeats=5):
    import onnxruntime as ort
    tmp = Path(tempfile.mkdtemp())
    make_synthetic_ravdess(tmp/'data', actors=[1], per_emotion=1, modalities=(1,), progress=False)
    files = media_files(tmp/'data')[:clips]
    torch.manual_seed(0)
    model = create_model('tiny').eval()
    pr = Predictor(model)
    pre, fwd, total = [], [], []
    for f in files:
        pre.append(timed(lambda: pr.inputs(f), repeats))
        x = pr.inputs(f)
        fwd.append(timed(lambda: pr.probs(x), repeats))
        total.append(timed(lambda: pr.predict(f), repeats))
    with contextlib.redirect_stdout(io.StringIO()): res = export_onnx(model, tmp/'tiny.onnx')
    sess = ort.InferenceSession(str(tmp/'tiny.onnx'), providers=['CPUExecutionProvider'])
    rows = []
    for b in (1, 16):
        a, fr = _inputs(model.config, 'multimodal', b)
        def pt():
            with torch.no_grad(): model(audio=a, frames=fr.float() / 255)
        feed = {'audio': a.numpy(), 'frames': fr.numpy()}
        t_pt, t_ox = timed(pt, repeats), timed(lambda: sess.run(['logits'], feed), repeats)
        rows.append((b, t_pt, t_ox))
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, torch threads {torch.get_num_threads()}, "
          f"{'GPU' if torch.cuda.is_available() else 'no GPU'}; Python {platform.python_version()}, torch {torch.__version__}, "
          f"onnxruntime {ort.__version__}.\n")
    ms = lambda v: f"{1000 * statistics.median(v):.1f}"
    print(f"### `predict` latency per clip, `tiny`, CPU, batch 1 (median over {len(files)} mp4 files x {repeats} repeats)\n")
    print("| part | ms per clip |\n|---|---|")
    print(f"| preprocessing (`Predictor.inputs`: decode, speech window, frames, face crop) | {ms(pre)} |")
    print(f"| model forward (`Predictor.probs`) | {ms(fwd)} |")
    print(f"| whole `Predictor.predict` | {ms(total)} |\n")
    print(f"### ONNX Runtime against PyTorch, `tiny`, same inputs (export max abs logits difference {res['max_abs_diff']:.1e})\n")
    print("| batch | PyTorch ms | ONNX Runtime ms | PyTorch / ONNX Runtime |\n|---|---|---|---|")
    for b, p, o in rows: print(f"| {b} | {1000 * p:.1f} | {1000 * o:.1f} | {p / o:.2f}x |")

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--clips', type=int, default=8); ap.add_argument('--repeats', type=int, default=5)
    a = ap.parse_args()
    main(a.clips, a.repeats)
