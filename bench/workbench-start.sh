#!/usr/bin/env bash
# Workbench start benchmark (issue 7). Under Xvfb, on a generated content folder of 1,000 seminars
# (10 curricula x 10 fiscal years x 10 seminars, 8 programme items each), prints on one line:
#   workbench_usable_ms   JVM start -> the Manabi window open, explorer filled, events dispatched
#   problems_shown_ms     JVM start -> the Problems view shows the content's validation (after the window)
#   explorer_*_ms         refresh + expand years/committees/seminars; filter "DICOM"; clear the filter
#   bare_swt_usable_ms    the peer: the same JVM and SWT opening a bare shell with a tree
#   *_cpu_ms              CPU time (all threads) each process had used by then: less noisy than wall
#                         time on a machine shared with other work (load_average says how shared)
# each the median of BENCH_RUNS (default 3) cold JVM starts. Target: workbench_usable_ms <= 6000.
# Needs: the built product (./manabi builds it; MANABI=/path/to/manabi runs another), xvfb-run, python3.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../features/org.manabi.workbench.feature/rootfiles/unix/find-java.sh
. "$here/features/org.manabi.workbench.feature/rootfiles/unix/find-java.sh"
manabi_find_java jdk # javac for the peer
runs=${BENCH_RUNS:-3}
manabi=${MANABI:-$here/manabi} # MANABI=… another checkout's ./manabi, or a built product's start script
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. the content: the real organisations, and 1,000 generated seminars hosted by their committees
mkdir -p "$work/content/seminars"
cp "$here/content/organisations.manabi" "$work/content/"
python3 - "$work/content/seminars" <<'PY'
import pathlib, sys
out = pathlib.Path(sys.argv[1])
hosts = ["dicom-committee", "security-committee", "monitor-committee", "report-committee", "education-committee"]
kinds = ["opening", "talk", "break", "talk", "break", "exercise", "questionsAndAnswers", "closing"]
for c in range(10):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<manabi:Curriculum xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" '
             'xmlns:manabi="http://manabi.org/model/1.0" id="bench-%d" title="ベンチ カリキュラム %d">' % (c, c),
             '  <people id="bench-%d-speaker" name="講師 %d" kana="こうし" affiliation="ベンチ委員会" role="講師"/>' % (c, c)]
    for year in range(2020, 2030):
        lines.append('  <plans id="bench-%d-plan-%d" fiscalYear="%d">' % (c, year, year))
        for s in range(10):
            sid = "bench-%d-%d-%d" % (c, year, s)
            lines.append('    <seminars id="%s" title="ベンチ セミナー %d-%d (DICOM %d)" kind="seminar" level="beginner" '
                         'delivery="hybrid" status="draft" venue="会議室" conferenceSystem="Zoom">' % (sid, c, s, year))
            lines.append('      <host href="../organisations.manabi#%s"/>' % hosts[c % len(hosts)])
            lines.append('      <sessions date="%d-07-%02d" start="13:00" end="17:00"/>' % (year, s + 1))
            lines.append('      <fee memberYen="5000" nonMemberYen="10000"/>')
            lines.append('      <pools id="%s-onsite" mode="onsite" capacityState="number" capacity="80"/>' % sid)
            lines.append('      <pools id="%s-web" mode="web" capacityState="number" capacity="100"/>' % sid)
            for i, kind in enumerate(kinds):
                lines.append('      <programme id="%s-p%d" kind="%s" title="項目 %d" start="%02d:00" end="%02d:30" speakers="bench-%d-speaker"/>'
                             % (sid, i, kind, i, 9 + i, 9 + i, c))
            lines.append('    </seminars>')
        lines.append('  </plans>')
    lines.append('</manabi:Curriculum>')
    (out / ("bench-%d.manabi" % c)).write_text("\n".join(lines) + "\n", encoding="utf-8")
PY

# 2. the product (./manabi builds it when missing) and the peer, compiled before it is timed
"$manabi" --help >/dev/null
product=$(dirname "$manabi") # a product's own start script, or a checkout's ./manabi
[ -d "$product/plugins" ] || product="$product/releng/org.manabi.product/target/products/org.manabi.product/linux/gtk/x86_64/manabi"
swt=$(ls "$product"/plugins/org.eclipse.swt.gtk.linux.x86_64_*.jar | head -n 1)
mkdir -p "$work/peer"
"$JAVA_HOME/bin/javac" -d "$work/peer" -cp "$swt" "$here/bench/BareShell.java"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
field() { sed -nE "s/.*$1=([0-9]+).*/\1/p"; }
: >"$work/manabi.txt"; : >"$work/peer.txt"
for run in $(seq "$runs"); do
  rm -rf "$work/data"
  JAVA_TOOL_OPTIONS="-Dmanabi.benchmark=true" MANABI_LOG_LEVEL=warn xvfb-run -a -s "-screen 0 1280x1024x24" \
    "$manabi" --content "$work/content" --data "$work/data" --port -1 2>/dev/null \
    | grep '^workbench_usable_ms=' >>"$work/manabi.txt"
  xvfb-run -a -s "-screen 0 1280x1024x24" "$JAVA_HOME/bin/java" -Xmx1g -cp "$swt:$work/peer" BareShell 2>/dev/null \
    | grep '^bare_swt_usable_ms=' >>"$work/peer.txt"
done

usable=$(field workbench_usable_ms <"$work/manabi.txt" | median)
cpu=$(field workbench_cpu_ms <"$work/manabi.txt" | median)
problems=$(field problems_shown_ms <"$work/manabi.txt" | median)
bare_cpu=$(field bare_swt_cpu_ms <"$work/peer.txt" | median)
expand=$(field explorer_expand_all_ms <"$work/manabi.txt" | median)
filter=$(field explorer_filter_ms <"$work/manabi.txt" | median)
clear=$(field explorer_unfilter_ms <"$work/manabi.txt" | median)
seminars=$(tail -n 1 "$work/manabi.txt" | field seminars)
bare=$(field bare_swt_usable_ms <"$work/peer.txt" | median)
echo "runs=$runs seminars=$seminars workbench_usable_ms=$usable bare_swt_usable_ms=$bare" \
  "workbench_vs_bare=$(awk -v a="$usable" -v b="$bare" 'BEGIN { printf "%.1f", a / b }')x" \
  "workbench_cpu_ms=$cpu bare_swt_cpu_ms=$bare_cpu problems_shown_ms=$problems load_average=$(cut -d ' ' -f 1 /proc/loadavg)" \
  "explorer_expand_all_ms=$expand explorer_filter_ms=$filter explorer_unfilter_ms=$clear target_usable_ms=6000"
