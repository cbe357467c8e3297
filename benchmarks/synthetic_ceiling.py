"""How well can the synthetic set be classified at all? A ceiling for the demo's test WAR.

Fits `mmfer.synthetic.linear_probe` (a multinomial logistic regression on standardised features, the probe that
`01_synthetic` uses on features measured from the files) on the *true* cue values that `synth_performance` draws for
each recording (7 audio cues, 6 facial cues; no rendering, no decoding), on the actors of the training part of the
`fixed` split (1-16, 16 clips each, as in the demo), and reports its accuracy on the validation (17-20) and test
(21-24) actors, for both modalities and each alone. A model that sees the rendered mp4/wav files has less to go on
(the cues are drawn as a few pixels, mixed with speech and noise), so these are upper bounds in practice for what
the demo can reach on the same clips.

Usage: python benchmarks/synthetic_ceiling.py [--seed 0] [--per-emotion 2]"""
import argparse
import numpy as np
from mmfer.synthetic import synth_performance, synthetic_recordings, linear_probe, AUDIO_CUES, VISUAL_CUES
from mmfer.data.index import actor_split

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seed', type=int, default=0, help='the synthetic set\'s seed (the demo uses 0)')
    ap.add_argument('--per-emotion', type=int, default=2, help='recordings per actor and emotion (the demo uses 2)')
    a = ap.parse_args()
    names = synthetic_recordings(24, a.per_emotion)
    perf = [synth_performance(n, a.seed) for n in names]
    X = np.array([[p.audio[k] for k in AUDIO_CUES] + [p.visual[k] for k in VISUAL_CUES] for p in perf])
    y, actor = np.array([n.emotion - 1 for n in names]), np.array([n.actor for n in names])
    parts = {k: np.isin(actor, v) for k, v in actor_split('fixed').items()}
    print(f"{len(names)} recordings; linear_probe on the true cues, trained on the {parts['train'].sum()} clips of actors 1-16")
    print("| cues | valid WAR (actors 17-20) | test WAR (actors 21-24) |\n|---|---|---|")
    for tag, cols in (('audio + face', slice(0, 13)), ('audio', slice(0, 7)), ('face', slice(7, 13))):
        acc = {k: (linear_probe(X[parts['train']][:, cols], y[parts['train']], X[parts[k]][:, cols]).argmax(1) == y[parts[k]]).mean()
               for k in ('valid', 'test')}
        print(f"| {tag} | {acc['valid']:.1%} | {acc['test']:.1%} |")

if __name__ == '__main__': main()
