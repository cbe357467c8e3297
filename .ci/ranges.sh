#!/usr/bin/env bash
# Checks the runtime version ranges of settings.ini: installs the lowest and the newest allowed versions of the
# runtime requirements into two fresh venvs and runs .ci/smoke.py in each. Not part of .ci/run (it downloads two
# PyTorch builds); run it when changing `requirements`. Last run: see the closing note of the issue that changed them.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
lower=(torch==2.8.0 torchaudio==2.8.0 torchvision==0.23.0 transformers==5.0.0 fastai==2.8.3 decord==0.6.0 av==15.0.0
       numpy==1.26.4 fastprogress==1.0.0 soundfile==0.12.1 opencv-python-headless==4.8.1.78 ipywidgets==8.0.0 matplotlib==3.8.0 seaborn==0.13.0)
upper=(torch==2.11.0 torchaudio==2.11.0 torchvision==0.26.0)   # and the newest of everything else that settings.ini allows
for kind in lower upper; do
  python3.11 -m venv "$tmp/$kind"; . "$tmp/$kind/bin/activate"
  if [ $kind = lower ]; then pins=("${lower[@]}"); else pins=("${upper[@]}"); fi
  pip install -q "${pins[@]}" -e "$root" 2> >(grep -v "is ignored: it is neither" >&2)
  echo "== $kind"; python "$root/.ci/smoke.py"
  deactivate
done
