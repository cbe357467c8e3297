"""Training benchmarks, side by side in one run:

1. `tiny` on the CPU, from the prepared cache: training samples/s (the training part of a fastai epoch) in fp32 and in CPU bf16
   autocast (mmfer's `AnyDeviceMixedPrecision`), as a ratio;
2. the frozen-encoder feature cache: a `tiny` model with frozen encoders, an epoch from the clip cache (encoders
   run every batch) against an epoch from the feature cache (`13_features`), as a ratio, plus the one-off cost of
   filling the feature cache;
3. with --cuda on a GPU: `lightweight` (random backbones at the real sizes, encoders frozen) bf16 epoch time over a
   RAVDESS-sized training part (960 synthetic clips at 224 px, as the `fixed` split's 16 actors x 60 speech recordings),
   with and without the feature cache, and peak GPU memory.

Usage: python benchmarks/train.py [--cuda] [--no-cpu] [--epochs N]   (prints a markdown report for BENCHMARKS.md)"""
import argparse, os, platform, tempfile, time
from pathlib import Path
import torch
from fastai.callback.core import Callback
from mmfer.synthetic import make_synthetic_ravdess
from mmfer.data.cache import prepare_cache
from mmfer.data.decode import DecodeConfig
from mmfer.data.loaders import ravdess_dataloaders
from mmfer.model.core import create_model
from mmfer.learner import mmfer_learner, decode_config
from mmfer.features import feature_dataloaders, CachedFER

class TrainTimer(Callback):
    "Seconds of the training part of each epoch (validation excluded)"
    order = 100
    def before_fit(self): self.times = []
    def before_train(self): self.t0 = time.perf_counter()
    def after_train(self):
        if torch.cuda.is_available(): torch.cuda.synchronize()
        self.times.append(time.perf_counter() - self.t0)

def epoch_seconds(learn, epochs):
    "Mean seconds of the training part of an epoch, over `epochs` after one warm-up epoch"
    timer = TrainTimer()
    with learn.no_bar(), learn.no_logging(): learn.fit(epochs + 1, 1e-4, cbs=timer)
    return sum(timer.times[1:]) / epochs

def cpu_part(tmp, epochs):
    root = tmp/'ravdess'
    make_synthetic_ravdess(root, actors=24, per_emotion=2, modalities=(1,), workers=2, progress=False)   # 256 training clips
    cache = prepare_cache(root, tmp/'cache', cfg=decode_config(create_model('tiny').config), workers=2, progress=False)['cache']
    rows = []
    dls = ravdess_dataloaders(cache, 'fixed', bs=16, device='cpu')   # the CPU rows, also on a machine with a GPU
    n = len(dls.train) * dls.train.bs
    for p in ('fp32', 'bf16'):
        torch.manual_seed(0)
        s = epoch_seconds(mmfer_learner(dls, 'tiny', precision=p), epochs)
        rows.append((f"tiny, full model, {p}, bs 16", s, n / s))
    torch.manual_seed(0)
    model = create_model('tiny', freeze_audio=True, freeze_vision=True)
    s_full = epoch_seconds(mmfer_learner(dls, model, precision='fp32'), epochs)
    t0 = time.perf_counter(); fdls = feature_dataloaders(model, dls, views=1, progress=False); fill = time.perf_counter() - t0
    s_cached = epoch_seconds(mmfer_learner(fdls, CachedFER(model), precision='fp32'), epochs)
    rows.append(("tiny, encoders frozen, clip cache (encoders every batch), fp32", s_full, n / s_full))
    rows.append(("tiny, encoders frozen, feature cache, fp32", s_cached, n / s_cached))
    return rows, n, fill, s_full / s_cached

def gpu_part(tmp, epochs):
    root = tmp/'gpu'
    make_synthetic_ravdess(root, actors=24, per_emotion=8, size=(320, 192), modalities=(1,), workers=os.cpu_count(), progress=False)
    cache = prepare_cache(root, tmp/'cache', cfg=DecodeConfig(num_frames=16, image_size=224), workers=os.cpu_count(), progress=False)['cache']
    dls = ravdess_dataloaders(cache, 'fixed', bs=8, num_workers=4, device='cuda')
    n = len(dls.train) * dls.train.bs
    torch.manual_seed(0)
    model = create_model('lightweight', pretrained=False).cuda()
    torch.cuda.reset_peak_memory_stats()
    s_full = epoch_seconds(mmfer_learner(dls, model, precision='bf16'), epochs)
    peak_full = torch.cuda.max_memory_allocated()
    t0 = time.perf_counter(); fdls = feature_dataloaders(model, dls, views=1, dtype=torch.float16, progress=False); fill = time.perf_counter() - t0
    torch.cuda.reset_peak_memory_stats()
    s_cached = epoch_seconds(mmfer_learner(fdls, CachedFER(model), precision='bf16'), epochs)
    return n, s_full, peak_full, s_cached, torch.cuda.max_memory_allocated(), fill

def cpu_report(tmp, epochs):
    rows, n, fill, ratio = cpu_part(tmp, epochs)
    print(f"### `tiny` on the CPU: one training epoch of {n} clips (mean of {epochs} after a warm-up epoch)\n")
    print("| case | seconds per epoch | samples/s |\n|---|---|---|")
    for name, s, sps in rows: print(f"| {name} | {s:.2f} | {sps:.1f} |")
    print(f"\nCPU bf16 / fp32 time per epoch: {rows[1][1] / rows[0][1]:.2f}. Feature cache speed-up: {ratio:.2f}x per epoch; "
          f"filling it (clean valid/test + 1 augmented training view) took {fill:.2f} s once.")

def gpu_report(tmp, epochs):
    n, s_full, peak_full, s_cached, peak_cached, fill = gpu_part(tmp, epochs)
    print(f"\n### `lightweight` bf16 on {torch.cuda.get_device_name()}: one training epoch of {n} clips\n")
    print("| case | seconds per epoch | samples/s | peak GPU memory |\n|---|---|---|---|")
    print(f"| encoders run every batch | {s_full:.1f} | {n / s_full:.1f} | {peak_full / 2**30:.2f} GiB |")
    print(f"| feature cache (float16) | {s_cached:.1f} | {n / s_cached:.1f} | {peak_cached / 2**30:.2f} GiB |")
    print(f"\nFeature cache speed-up {s_full / s_cached:.1f}x per epoch; filling it took {fill:.1f} s once.")

def main(cuda=False, epochs=2, cpu=True):
    torch.set_num_threads(os.cpu_count())
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores{', ' + torch.cuda.get_device_name() if cuda else ', no GPU'}; "
          f"Python {platform.python_version()}, torch {torch.__version__}.\n")
    with tempfile.TemporaryDirectory() as d:
        if cpu: cpu_report(Path(d), epochs)
        if cuda: gpu_report(Path(d), epochs)

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--cuda', action='store_true'); ap.add_argument('--epochs', type=int, default=2)
    ap.add_argument('--no-cpu', dest='cpu', action='store_false', help="skip the CPU part (on a GPU machine: the GPU rows only)")
    a = ap.parse_args()
    if not (a.cpu or a.cuda): ap.error('--no-cpu without --cuda leaves nothing to measure')
    main(a.cuda, a.epochs, a.cpu)
