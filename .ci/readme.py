"""Generate README.md from nbs/index.ipynb (nbdev's `nbdev_readme` needs Quarto, which pip cannot install).

Runs the notebook with execnb so that the outputs shown are real. `--check` exits 1 if README.md is out of date."""
import re, sys
from pathlib import Path
from execnb.nbio import read_nb
from execnb.shell import CaptureShell

_directive = re.compile(r'^\s*#\s*\|')

def _text(o):
    if o.get('output_type') == 'stream': return ''.join(o.get('text', ''))
    return ''.join(o.get('data', {}).get('text/plain', ''))

def render(nb_path='nbs/index.ipynb'):
    nb = read_nb(nb_path)
    CaptureShell(path=Path(nb_path).parent).run_all(nb, exc_stop=True)
    out = ['<!-- Generated from nbs/index.ipynb by .ci/readme.py: edit the notebook, not this file. -->\n']
    for c in nb.cells:
        src = ''.join(c.source)
        if c.cell_type == 'markdown': out.append(src.strip() + '\n'); continue
        lines = src.splitlines()
        if any(re.match(r'^\s*#\s*\|\s*hide', l) for l in lines): continue
        code = '\n'.join(l for l in lines if not _directive.match(l)).strip()
        if code: out.append(f'```python\n{code}\n```\n')
        res = ''.join(_text(o) for o in c.get('outputs', [])).strip()
        if res: out.append(f'```\n{res}\n```\n')
    return '\n'.join(out)

if __name__ == '__main__':
    text, readme = render(), Path('README.md')
    if '--check' in sys.argv:
        if not readme.exists() or readme.read_text() != text:
            sys.exit('README.md is not what nbs/index.ipynb generates: run `python .ci/readme.py` and commit.')
    else: readme.write_text(text)
