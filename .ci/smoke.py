"Smoke test of an installed mmfer: imports every runtime dependency and the backbones, writes, reads and parses synthetic clips."
import sys, tempfile, importlib.metadata as md
from pathlib import Path
import torch, torchaudio, torchvision, transformers, fastai, decord, av, numpy, soundfile, ipywidgets, matplotlib, seaborn
from transformers import ParakeetEncoder, SiglipVisionModel, Lfm2Model
from fastai.vision.all import Learner
from mmfer.core import parse_ravdess_name
from mmfer.synthetic import make_synthetic_ravdess, probe_features
print({p: md.version(p) for p in 'torch torchaudio torchvision transformers fastai fastcore av numpy decord'.split()})
d = Path(tempfile.mkdtemp())
fs = make_synthetic_ravdess(d, actors=[1, 2], per_emotion=1, song=True, progress=True)
names = [parse_ravdess_name(f) for f in fs]
vr = decord.VideoReader(str(fs[0])); ar = decord.AudioReader(str(fs[0]), sample_rate=16000, mono=True)
a, v = probe_features(fs[0])
assert len(vr) > 30 and ar.shape[1] > 40000 and a.shape == (80,) and v.shape == (560,)
print('smoke ok:', len(fs), 'files', len(vr), 'frames', ar.shape)
from mmfer.data.index import find_ravdess, ravdess_index, select_sources
from mmfer.data.decode import decode_recording, DecodeConfig
idx, _ = select_sources(ravdess_index(find_ravdess(d, 'both')[0]), 'multimodal')
r = idx.iloc[0]
out = decode_recording(r.video_src, r.audio_src, DecodeConfig(image_size=64))
wav = decode_recording(None, idx[idx.vocal_channel == 2].iloc[0].av)['audio']
assert out['frames'].shape == (16, 64, 64, 3) and out['audio'].shape == (48000,) and wav.shape == (48000,)
print('decode ok:', len(idx), 'recordings', out['frames'].shape, out['face'])
