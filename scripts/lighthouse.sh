#!/usr/bin/env bash
# Lighthouse 13 (mobile) in Debian's headless Chromium against a running site: one page of
# every page kind of the demo content, then a table of the four scores, layout shift, largest
# paint and blocking time, and every audit that did not pass. Exits 1 when a score is below
# 1.00, except the search page's SEO: it is noindex on purpose ("is-crawlable").
#
# Usage: scripts/lighthouse.sh [BASE_URL]     (default http://127.0.0.1:8100, `make serve-prod`)
# On a machine without internet, start the site with LOCAL_TILES=1 make serve-prod: the map
# tiles of OpenStreetMap cannot load there, and each failed tile is a console error.
# LIGHTHOUSE_DIR   where the JSON reports go (default test-artifacts/lighthouse)
# RUNS             runs per page (default 3); the table shows each page's median run, as
#                  Lighthouse advises: blocking time follows how busy the machine's CPU is
#                  (the "cpu" column is Lighthouse's benchmark index of it, higher is faster)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
base="${1:-http://127.0.0.1:8100}"
base="${base%/}"
out="${LIGHTHOUSE_DIR:-$ROOT/test-artifacts/lighthouse}"
runs="${RUNS:-3}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "lighthouse.sh: RUNS must be a whole number" >&2; exit 1; }
mkdir -p "$out"

# One demo page per page kind (the kinds of home/tests/test_layout_browser.py).
pages=(
  "home /"
  "programme /regionale-samenwerkingen/"
  "goal /over-het-programma/doelen/samenwerkingen-in-de-spotlight/"
  "news-index /nieuws/"
  "news-item /nieuws/netwerkkaart-online/"
  "case-index /cases/"
  "case /cases/cleantech-center/"
  "region-index /regios/"
  "region-profile /regios/twente/"
  "map /netwerkkaart/"
  "write-up /netwerkkaart/green-tech-campus-mra/"
  "search /zoeken/?q=samenwerking"
  "contact /over-het-programma/contact/"
)

# One Lighthouse run of one page into $out/<kind>-<run>.json. The version is pinned here;
# npx fetches it once into npm's cache. Lighthouse 13 asks for Node 22 but runs on Debian 12's
# Node 20 (npm's engine warning is filtered out). A run that fails to record its trace
# (NO_NAVSTART, even on a quiet machine) asks to be rerun: up to twice more, then give up.
measure() {
  local kind="$1" path="$2" run="$3" attempt
  for attempt in 1 2; do
    if CHROME_PATH=/usr/bin/chromium npx --yes lighthouse@13.5.0 "$base$path" --quiet \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking" \
      --form-factor=mobile --only-categories=performance,accessibility,best-practices,seo \
      --output=json --output-path="$out/$kind-$run.json" 2> >(grep -v "EBADENGINE" >&2 || true); then
      return 0
    fi
    echo "lighthouse.sh: $kind run $run failed (attempt $attempt)" >&2
  done
  exit 1
}

curl -fsS -o /dev/null "$base/" || { echo "lighthouse.sh: nothing answers at $base/" >&2; exit 1; }
for entry in "${pages[@]}"; do
  kind="${entry%% *}"
  path="${entry#* }"
  # Warm the page cache first: measured is what every visitor but the first gets.
  curl -fsS -o /dev/null "$base$path"
  for run in $(seq 1 "$runs"); do
    echo "lighthouse.sh: $kind ($path), run $run of $runs" >&2
    measure "$kind" "$path" "$run"
  done
done

python3 - "$out" "$runs" "${pages[@]}" <<'PY'
import json
import sys
from pathlib import Path

out, runs, entries = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]


def median_run(kind):
    """The run with the median performance score (then blocking time) of a page's runs."""
    reports = [json.loads((out / f"{kind}-{run}.json").read_text()) for run in range(1, runs + 1)]
    reports.sort(
        key=lambda r: (r["categories"]["performance"]["score"], -r["audits"]["total-blocking-time"]["numericValue"])
    )
    return reports[len(reports) // 2]


categories = ["performance", "accessibility", "best-practices", "seo"]
# The search page is noindex on purpose: its only allowed failing audit.
allowed = {("search", "is-crawlable")}
header = (
    f"{'page kind':<16}{'perf':>6}{'a11y':>6}{'bp':>6}{'seo':>6}{'CLS':>8}{'LCP':>8}{'TBT':>8}"
    f"{'cpu':>6}"
)
print(header)
print("-" * len(header))
notes, below = [], []
for entry in entries:
    kind = entry.split(" ", 1)[0]
    report = median_run(kind)
    audits = report["audits"]
    for name in categories:
        category = report["categories"][name]
        failing = [
            ref["id"]
            for ref in category["auditRefs"]
            if ref["weight"] and (audits[ref["id"]]["score"] or 0) < 1
            and audits[ref["id"]]["scoreDisplayMode"] != "notApplicable"
        ]
        notes += [(kind, audits[audit_id]) for audit_id in failing]
        if category["score"] < 1 and not all((kind, a) in allowed for a in failing):
            below.append(f"{kind} {name}")
    scores = "".join(f"{report['categories'][name]['score']:>6.2f}" for name in categories)
    cls = audits["cumulative-layout-shift"]["numericValue"]
    lcp = audits["largest-contentful-paint"]["numericValue"] / 1000
    tbt = audits["total-blocking-time"]["numericValue"]
    cpu = report["environment"]["benchmarkIndex"]
    print(f"{kind:<16}{scores}{cls:>8.3f}{lcp:>7.1f}s{tbt:>6.0f}ms{cpu:>6.0f}")
print()
for kind, audit in notes:
    allowed_note = " (allowed: noindex on purpose)" if (kind, audit["id"]) in allowed else ""
    value = audit.get("displayValue", "")
    print(f"not full marks: {kind} {audit['id']} {audit['score'] or 0:.2f} {value}{allowed_note}")
print(f"reports in {out} (median of {runs} runs per page)")
if below:
    print("below 1.00: " + ", ".join(below))
sys.exit(1 if below else 0)
PY
