"""Command start-up, side by side in one run: how long each console script takes to answer `--help` and a bad
argument (fresh processes, as a user runs them), against importing the modules that do the work (what the
commands paid before `mmfer.cli` checked their arguments first).

Usage: python benchmarks/cli.py [--repeats R]   (prints a markdown report for BENCHMARKS.md)"""
import argparse, os, platform, shutil, statistics, subprocess, sys, time

def seconds(cmd, repeats):
    "Median wall-clock seconds of `repeats` runs of `cmd` in a fresh process, after one warm-up run"
    subprocess.run(cmd, capture_output=True); ts = []
    for _ in range(repeats):
        t = time.perf_counter(); subprocess.run(cmd, capture_output=True); ts.append(time.perf_counter() - t)
    return statistics.median(ts)

def main(repeats=5):
    py = [sys.executable, '-c']
    script = lambda name: shutil.which(name) or sys.exit(f"{name} is not installed: pip install -e .")
    rows = [(f'`{name} --help`', [script(name), '--help'], f'`import {mod}`', py + [f'import {mod}'])
            for name, mod in (('mmfer_prepare', 'mmfer.data.cache'), ('mmfer_train', 'mmfer.train'),
                              ('mmfer_predict', 'mmfer.interpret'), ('mmfer_export', 'mmfer.export'))]
    rows.append(('`mmfer_train --epochs 0` (an argument error)', [script('mmfer_train'), '--epochs', '0'],
                 '`import mmfer.train`', py + ['import mmfer.train']))
    base = seconds(py + ['pass'], repeats)
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"median of {repeats} fresh processes each (an empty `python -c pass`: {base:.2f} s)\n")
    print('| command | seconds | importing its module | seconds | ratio |\n|---|---|---|---|---|')
    for name, cmd, imp, icmd in rows:
        a, b = seconds(cmd, repeats), seconds(icmd, repeats)
        print(f'| {name} | {a:.2f} | {imp} | {b:.2f} | {b / a:.0f}x |')

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--repeats', type=int, default=5)
    main(ap.parse_args().repeats)
