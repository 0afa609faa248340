#!/usr/bin/env bash
# Slide-search benchmark (issue 4). Builds a corpus of at least 1,000 pages from the content decks
# and prints, on one line, figures measured in this run next to their peers:
#   indexing pages/s of ./manabi index    vs  pdftotext extracting the same PDFs on every core
#   search p50/p99 (warm, with highlight)  vs  grep -F over the extracted text, same queries
#   re-index time after one deck changes, and index bytes per page.
# Needs: the built product (./manabi builds it), pdftotext/pdfinfo (poppler-utils), python3.
#   BENCH_PAGES=5000 bench/search-bench.sh     a larger corpus (default 1000 pages), where the JVM's warm-up weighs less
#   MANABI=/other/product/manabi bench/...     another build: a checkout's ./manabi or a product's start script
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
manabi=${MANABI:-$here/manabi}
min_pages=${BENCH_PAGES:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=$work/corpus text=$work/text data=$work/data
mkdir -p "$corpus" "$text"

# 1. corpus: the real decks, copied under distinct names until there are BENCH_PAGES (1,000) pages or more
pages=0 copy=0
while [ "$pages" -lt "$min_pages" ]; do
  copy=$((copy + 1))
  for pdf in "$here"/content/decks/*.pdf; do
    cp "$pdf" "$corpus/$(basename "$pdf" .pdf)-$copy.pdf"
    pages=$((pages + $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')))
  done
done

# cpu_ms FILE COMMAND...: runs COMMAND (stdout passed on, stderr dropped) and writes to FILE the CPU
# time, user + system, in ms, that it and its children used: unlike the rates, it hardly depends on
# what else the machine is doing
cpu_ms() {
  python3 -c 'import resource, subprocess, sys
code = subprocess.run(sys.argv[2:], stderr=subprocess.DEVNULL).returncode
used = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write("%.0f" % ((used.ru_utime + used.ru_stime) * 1000))
sys.exit(code)' "$@"
}

# 2. peer: pdftotext on every core
started=$(date +%s.%N)
extract_all() {
  find "$corpus" -name '*.pdf' -print0 | xargs -0 -P "$(nproc)" -I{} sh -c 'pdftotext -enc UTF-8 "$1" "$2/$(basename "$1" .pdf).txt"' _ {} "$text"
}
export -f extract_all; export corpus text
cpu_ms "$work/pdftotext_cpu" bash -c extract_all
pdftotext_s=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')

# 3. manabi index: the run time it reports (the JVM's start is not indexing); its CPU time is the whole
#    process's, the JVM's start included
summary=$(cpu_ms "$work/index_cpu" "$manabi" index --data "$data" "$corpus" | head -n 1)
index_s=$(echo "$summary" | sed -E 's/.*; ([0-9.]+) s\.$/\1/')
indexed_pages=$(echo "$summary" | sed -E 's/.*; ([0-9]+) pages;.*/\1/')

# 4. 1,000 queries, half Japanese and half English words taken from the decks (fixed seed)
python3 - "$text" "$work/queries.txt" <<'PY'
import pathlib, random, re, sys
words_ja, words_en = set(), set()
for f in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    t = f.read_text(encoding="utf-8")
    words_ja.update(re.findall(r"[\u30a0-\u30ff\u4e00-\u9fff]{2,6}", t))
    words_en.update(w for w in re.findall(r"[A-Za-z]{4,}", t))
rng = random.Random(20261121)
ja, en = sorted(words_ja), sorted(words_en)
queries = [rng.choice(ja) if i % 2 == 0 else rng.choice(en) for i in range(1000)]
pathlib.Path(sys.argv[2]).write_text("\n".join(queries) + "\n", encoding="utf-8")
PY
stats=$("$manabi" search --data "$data" --limit 10 --stats --queries "$work/queries.txt" 2>&1 >/dev/null | tail -n 1)
p50=$(echo "$stats" | sed -E 's/.*p50 ([0-9.]+) ms.*/\1/')
p99=$(echo "$stats" | sed -E 's/.*p99 ([0-9.]+) ms.*/\1/')

# 5. peer: grep -F for each query over the extracted text
read -r grep_p50 grep_p99 < <(python3 - "$text" "$work/queries.txt" <<'PY'
import pathlib, subprocess, sys, time
files = [str(f) for f in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
times = []
for q in pathlib.Path(sys.argv[2]).read_text(encoding="utf-8").split():
    t = time.perf_counter()
    subprocess.run(["grep", "-F", "-l", "--", q, *files], stdout=subprocess.DEVNULL)
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(f"{times[len(times)//2 - 1]:.2f} {times[int(len(times)*0.99) - 1]:.2f}")
PY
)

# 6. one deck changes (bytes appended after %%EOF keep it a valid PDF): only it is read again
changed=$(find "$corpus" -name '*.pdf' | sort | head -n 1)
printf '\n%% changed for the benchmark\n' >> "$changed"
reindex_s=$("$manabi" index --data "$data" "$corpus" 2>/dev/null | head -n 1 | sed -E 's/.*; ([0-9.]+) s\.$/\1/')

index_bytes=$(du -sb "$data/index" | cut -f1)
load=$(cut -d ' ' -f 1 /proc/loadavg 2>/dev/null || echo n/a)
awk -v p="$pages" -v ip="$indexed_pages" -v is="$index_s" -v ps="$pdftotext_s" -v p50="$p50" -v p99="$p99" \
    -v g50="$grep_p50" -v g99="$grep_p99" -v rs="$reindex_s" -v ib="$index_bytes" -v la="$load" \
    -v ic="$(cat "$work/index_cpu")" -v pc="$(cat "$work/pdftotext_cpu")" 'BEGIN {
  printf "pages=%d index_pages_per_s=%.0f pdftotext_pages_per_s=%.0f index_vs_pdftotext=%.2fx index_cpu_ms_per_page=%.2f pdftotext_cpu_ms_per_page=%.2f search_p50_ms=%s search_p99_ms=%s grep_p50_ms=%s grep_p99_ms=%s reindex_one_deck_s=%s index_bytes_per_page=%.0f load_average=%s\n",
    ip, ip / is, p / ps, (ip / is) / (p / ps), ic / ip, pc / p, p50, p99, g50, g99, rs, ib / ip, la }'
