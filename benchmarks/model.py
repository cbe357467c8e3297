"""Model benchmarks, side by side in one run:

1. parameter counts of every preset (random weights at the preset sizes, built on the `meta` device), next to the
   counts the project we replace claimed;
2. the `summary()` estimate of training memory at batch 8 in bf16 for `lightweight` and `full`;
3. training steps (forward + backward + AdamW step) per second on this machine's CPU in fp32 for `tiny` and
   `lightweight` (random weights; `lightweight` with its encoders frozen, as the preset builds it);
4. with --cuda on a GPU: bf16 autocast step time and peak memory at batch 8 for `lightweight` and `full`.

Usage: python benchmarks/model.py [--cuda] [--steps N]   (prints a markdown report for BENCHMARKS.md)"""
import argparse, os, platform, time
import torch, transformers
from mmfer.model.core import create_model, PRESETS

CLAIMED = dict(lightweight='158M', full='243M')

def batch(model, bs, device):
    c = model.config
    audio = torch.randn(bs, int(c.sample_rate*c.clip_seconds), device=device) * 0.1
    frames = torch.rand(bs, c.num_frames, 3, c.image_size, c.image_size, device=device)
    return audio, frames, torch.randint(0, c.num_classes, (bs,), device=device)

def time_steps(model, bs, steps, device, dtype=None):
    "Seconds per training step (mean over `steps` after one warm-up step) and peak CUDA memory"
    model.to(device).train()
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-4)
    audio, frames, y = batch(model, bs, device)
    def step():
        with torch.autocast(device, dtype=dtype, enabled=dtype is not None):
            loss = torch.nn.functional.cross_entropy(model(audio=audio, frames=frames), y)
        loss.backward(); opt.step(); opt.zero_grad(set_to_none=True)
    step()
    if device == 'cuda': torch.cuda.synchronize(); torch.cuda.reset_peak_memory_stats()
    t0 = time.perf_counter()
    for _ in range(steps): step()
    if device == 'cuda': torch.cuda.synchronize()
    dt = (time.perf_counter() - t0) / steps
    peak = torch.cuda.max_memory_allocated() if device == 'cuda' else None
    return dt, peak

def main(cuda=False, steps=3):
    torch.manual_seed(0)
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores"
          f"{', ' + torch.cuda.get_device_name() if cuda else ', no GPU'}; Python {platform.python_version()}, "
          f"torch {torch.__version__}, transformers {transformers.__version__}.\n")
    print("### Parameters (random weights at the preset sizes)\n")
    print("| preset | parameters | trainable | claimed by the original project |\n|---|---|---|---|")
    for name in PRESETS:
        with torch.device('meta'): m = create_model(name, pretrained=False)
        total = sum(p.numel() for p in m.parameters()); train = sum(p.numel() for p in m.parameters() if p.requires_grad)
        print(f"| {name} | {total:,} | {train:,} | {CLAIMED.get(name, '-')} |")
    print("\n### Training steps, fp32 on the CPU\n")
    print("| preset | batch | seconds per step | samples/s |\n|---|---|---|---|")
    for name, bs in [('tiny', 8), ('lightweight', 2)]:
        m = create_model(name, pretrained=False)
        dt, _ = time_steps(m, bs, steps, 'cpu')
        print(f"| {name} | {bs} | {dt:.3f} | {bs/dt:.2f} |")
        if name == 'lightweight':
            s = m.summary()
            est_light = s.memory
        del m
    m = create_model('full', pretrained=False); est_full = m.summary().memory; del m
    print("\n### summary() estimate of training memory at batch 8, bf16 autocast, AdamW\n")
    print("| preset | weights | gradients | optimiser | activations | total |\n|---|---|---|---|---|---|")
    for name, e in [('lightweight', est_light), ('full', est_full)]:
        g = lambda k: f"{e[k]/2**30:.2f} GiB"
        print(f"| {name} | {g('weights')} | {g('gradients')} | {g('optimizer')} | {g('activations')} | {g('total')} |")
    if cuda:
        print(f"\n### bf16 autocast training step at batch 8 on {torch.cuda.get_device_name()}\n")
        print("| preset | seconds per step | samples/s | peak memory |\n|---|---|---|---|")
        for name in ('lightweight', 'full'):
            m = create_model(name, pretrained=False)
            dt, peak = time_steps(m, 8, max(steps, 5), 'cuda', torch.bfloat16)
            print(f"| {name} | {dt:.3f} | {8/dt:.1f} | {peak/2**30:.2f} GiB |")
            del m; torch.cuda.empty_cache()

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--cuda', action='store_true', help='also measure bf16 steps on the GPU')
    p.add_argument('--steps', type=int, default=3, help='timed steps per case (after one warm-up step)')
    a = p.parse_args()
    main(a.cuda, a.steps)
