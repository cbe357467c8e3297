"""Who the test errors of synthetic-set runs are: errors per test actor, next to that actor's drawn traits.

For each run folder (a `mmfer_train`/`train_run` output with `predictions.csv`) it counts the wrong test clips per
actor and lists them as `label>pred`. Then, for every actor with an error in any run, it prints the traits that
`actor_traits` drew for the actor: its own bias on each audio and facial cue in units of the cue's actor spread
(`AUDIO_SPREAD`, `VISUAL_SPREAD`; |z| >= 1.5 is rare among 24 actors), how expressive it is, and its skin and hair
colours. This is an accuracy diagnostic for the synthetic set only (RAVDESS actors have no drawn traits).

Usage: python benchmarks/actor_errors.py RUN_DIR [RUN_DIR ...] [--seed 0]"""
import argparse
import numpy as np
from mmfer.interpret import Report
from mmfer.synthetic import actor_traits, AUDIO_CUES, AUDIO_SPREAD, VISUAL_CUES, VISUAL_SPREAD

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('runs', nargs='+', help='run folders with predictions.csv')
    ap.add_argument('--seed', type=int, default=0, help="the synthetic set's seed (the demo uses 0)")
    a = ap.parse_args()
    actors = set()
    for run in a.runs:
        try: r = Report.from_run(run, 'test')
        except (FileNotFoundError, ValueError) as e: raise SystemExit(str(e))
        wrong = r.y != r.pred
        actors |= set(r.actors[wrong].tolist())
        print(f"{run}: {wrong.sum()} of {len(r.y)} test clips wrong")
        for actor in np.unique(r.actors[wrong]):
            m = wrong & (r.actors == actor)
            print(f"  actor {actor}: {m.sum()}  " + ', '.join(f"{r.classes[l]}>{r.classes[q]}" for l, q in zip(r.y[m], r.pred[m])))
    print("\nactor traits (bias in actor spreads; * marks |z| >= 1.5)")
    print("| actor | audio " + ' '.join(AUDIO_CUES) + " | face " + ' '.join(VISUAL_CUES) + " | expressiveness | skin | hair |")
    print("|---|---|---|---|---|---|")
    rgb = lambda c: ', '.join(str(int(round(x))) for x in c)
    z = lambda v: ' '.join(f"{x:+.1f}{'*' if abs(x) >= 1.5 else ''}" for x in v)
    for actor in sorted(actors):
        t = actor_traits(int(actor), a.seed)
        print(f"| {actor} | {z(t['audio_bias'] / AUDIO_SPREAD)} | {z(t['visual_bias'] / VISUAL_SPREAD)} | "
              f"{t['expressiveness']:.2f} | {rgb(t['skin'])} | {rgb(t['hair'])} |")

if __name__ == '__main__': main()
