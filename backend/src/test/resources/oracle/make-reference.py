#!/usr/bin/env python3
"""Regenerate REFERENCE.md: run the chosen scenarios with kernel-run.sh and print the exact
kernel output of selected command lines, cat -A style (tab = ^I, end of line = $).

usage: sudo make-reference.py [OUT.md]     (default: REFERENCE.md next to this file)

reference-selection.py lists (section, note, [(scenario, [picks])]); a pick is a line number or
the exact command text (first match after the previous pick); numbers that are not command
lines (comments, past the end) are skipped, so ranges can be used.
"""
import os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCEN = os.path.join(HERE, '..', 'scenarios')

exec(open(os.path.join(HERE, 'reference-selection.py')).read())  # defines INTRO, SELECTION

def visible(text):
    if text == '':
        return ''
    lines = text.split('\n')
    if lines[-1] == '':
        lines.pop()
        out = [l.replace('\t', '^I') + '$' for l in lines]
    else:
        out = [l.replace('\t', '^I') + '$' for l in lines]
        out[-1] = out[-1][:-1] + '   <-- no final newline'
    return '\n'.join(out) + '\n'

def run(scenario, tmp):
    out = os.path.join(tmp, scenario)
    subprocess.run([os.path.join(HERE, 'kernel-run.sh'), os.path.join(SCEN, scenario), out], check=True)
    return out

def main():
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'REFERENCE.md')
    uname = os.uname().release
    ipv = subprocess.run(['ip', '-V'], capture_output=True, text=True).stdout.strip()
    pv = subprocess.run(['ping', '-V'], capture_output=True, text=True).stdout.splitlines()[0]
    runs = {}
    doc = [INTRO.format(kernel=uname, iproute=ipv, ping=pv)]
    with tempfile.TemporaryDirectory() as tmp:
        for section, note, picks in SELECTION:
            doc.append(f'\n## {section}\n')
            if note:
                doc.append(note.strip() + '\n')
            for scenario, lines in picks:
                if scenario not in runs:
                    runs[scenario] = run(scenario, tmp)
                d = runs[scenario]
                cmds = {int(f[:-4]): open(f'{d}/{f}').read().rstrip('\n') for f in os.listdir(d) if f.endswith('.cmd')}
                last = 0
                for pick in lines:
                    if isinstance(pick, int):
                        if pick not in cmds:
                            continue  # a blank/comment line inside a range
                        n = pick
                    else:
                        found = [k for k in sorted(cmds) if k > last and cmds[k] == pick]
                        if not found:
                            raise SystemExit(f'{scenario}: no command line "{pick}" after line {last}')
                        n = found[0]
                    last = n
                    cmd = open(f'{d}/{n}.cmd').read().rstrip('\n')
                    rc = open(f'{d}/{n}.rc').read().strip()
                    so = open(f'{d}/{n}.out').read()
                    se = open(f'{d}/{n}.err').read()
                    block = [f'$ {cmd}', f'[exit {rc}]   ({scenario}:{n})']
                    if so:
                        block.append('--- stdout'); block.append(visible(so).rstrip('\n'))
                    if se:
                        block.append('--- stderr'); block.append(visible(se).rstrip('\n'))
                    if not so and not se:
                        block.append('(no output)')
                    doc.append('```\n' + '\n'.join(block) + '\n```\n')
    with open(target, 'w') as f:
        f.write('\n'.join(doc))
    print(f'wrote {target}')

main()
