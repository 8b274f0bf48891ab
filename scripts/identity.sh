#!/usr/bin/env bash
# Output identity for changes that must not change what the extractor reads (speed work,
# refactors): extracts the same documents with the working tree's CLI and with REV's (default
# HEAD), and fails on the first document whose JSON differs.
#
#   scripts/identity.sh [REV]
#
# Documents: the project's example articles (tests/articles), the bench corpus, the real articles
# of ../shared/eval/dev.json where it exists, and the NFD-decomposed form of each.
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-HEAD}
work=target/identity
mkdir -p "$work"

python3 - "$work/corpus.jsonl" <<'PY'
import glob, json, os, sys, unicodedata
docs = []
for p in sorted(glob.glob("tests/articles/*.json")):
    x = json.load(open(p, encoding="utf-8"))
    docs.append({"id": "ex-" + os.path.basename(p), "text": x["text"],
                 "url": x.get("url") or None, "published": x.get("published") or None})
dev = "../shared/eval/dev.json"
if os.path.exists(dev):
    for x in json.load(open(dev, encoding="utf-8")):
        docs.append({"id": "dev-" + x["id"], "text": x["text"],
                     "url": x.get("url"), "published": x.get("published")})
for i, block in enumerate(open("benches/corpus.txt", encoding="utf-8").read().split("\n\n\n")):
    docs.append({"id": f"corpus-{i}", "text": block})
docs += [dict(d, id=d["id"] + "-nfd", text=unicodedata.normalize("NFD", d["text"])) for d in docs]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for d in docs:
        f.write(json.dumps({k: v for k, v in d.items() if v is not None}, ensure_ascii=False) + "\n")
print(f"identity: {len(docs)} documents", file=sys.stderr)
PY

# REV's CLI, built from a temporary worktree into the same target directory (dependencies shared).
base=$(mktemp -d)
trap 'git worktree remove --force "$base" >/dev/null 2>&1 || rm -rf "$base"' EXIT
git worktree add -q --detach "$base" "$rev"
CARGO_TARGET_DIR="$PWD/target/identity/base" cargo build -q --release --bin nienbieu --manifest-path "$base/Cargo.toml"
cargo build -q --release --bin nienbieu

target/identity/base/release/nienbieu extract --jsonl <"$work/corpus.jsonl" >"$work/before.jsonl"
target/release/nienbieu extract --jsonl <"$work/corpus.jsonl" >"$work/after.jsonl"
if cmp -s "$work/before.jsonl" "$work/after.jsonl"; then
  echo "identity: identical to $rev on $(wc -l <"$work/after.jsonl") documents"
else
  diff <(cut -c1-200 "$work/before.jsonl") <(cut -c1-200 "$work/after.jsonl") | head -n 10 >&2 || true
  echo "identity: output differs from $rev (full outputs in $work/)" >&2
  exit 1
fi
