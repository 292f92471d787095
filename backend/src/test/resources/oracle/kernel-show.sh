#!/usr/bin/env bash
# kernel-show.sh OUTDIR [--raw] — print what kernel-run.sh recorded, command by command.
# Tabs show as ^I and line ends as $ (cat -A style) unless --raw is given.
out=${1:?usage: kernel-show.sh OUTDIR [--raw]}
view() { if [[ "${2:-}" == --raw ]]; then cat -- "$1"; else sed -e 's/\t/^I/g' -e 's/$/$/' -- "$1"; fi; }
for f in $(ls "$out"/*.cmd 2>/dev/null | sed 's#.*/##; s#\.cmd$##' | sort -n); do
  printf '### %s: $ %s' "$f" "$(cat "$out/$f.cmd")"
  printf '   [exit %s]\n' "$(cat "$out/$f.rc")"
  [[ -s "$out/$f.out" ]] && { echo "--- stdout"; view "$out/$f.out" "${2:-}"; }
  [[ -s "$out/$f.err" ]] && { echo "--- stderr"; view "$out/$f.err" "${2:-}"; }
done
