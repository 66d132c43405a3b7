#!/usr/bin/env bash
# Lighthouse (mobile) against a running site, in Debian's Chromium; prints the scores.
# Usage: scripts/lighthouse.sh [URL ...]   (default: the `make run` site)
set -euo pipefail
urls=("$@")
[ ${#urls[@]} -gt 0 ] || urls=(http://127.0.0.1:8000/)
out=$(mktemp -d)
for url in "${urls[@]}"; do
  report="$out/report.json"
  CHROME_PATH=/usr/bin/chromium npx --yes lighthouse@13.5.0 "$url" --quiet \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking" \
    --form-factor=mobile --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output-path="$report"
  python3 - "$url" "$report" <<'PY'
import json, sys
report = json.load(open(sys.argv[2]))
scores = {key: round(value["score"] * 100) for key, value in report["categories"].items()}
audits = report["audits"]
print(sys.argv[1], scores, "LCP", audits["largest-contentful-paint"]["displayValue"],
      "|", audits["total-byte-weight"]["displayValue"])
PY
done
