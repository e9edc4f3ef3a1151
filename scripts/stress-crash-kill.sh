#!/usr/bin/env bash
# Runs the crash-kill history test N times in a row (default 50) while the machine is loaded:
# four busy-loop CPU burners and a disk writer that fsyncs, on a 2-core machine. Used to show
# the test does not depend on timing (issue 15). Prints one line per run and a summary.
#   bash scripts/stress-crash-kill.sh [N]
set -u
cd "$(dirname "$0")/.."
runs=${1:-50}
pids=()
for _ in 1 2 3 4; do (while :; do :; done) & pids+=($!); done
load=$(mktemp)
(while :; do dd if=/dev/zero of="$load" bs=1M count=200 conv=fsync 2>/dev/null; done) & pids+=($!)
trap 'kill "${pids[@]}" 2>/dev/null; rm -f "$load"' EXIT
pass=0
fail=0
for i in $(seq 1 "$runs"); do
  if node test/with-keyring.mjs vitest run test/integration/core/history/crash-kill.test.ts >/tmp/crash-kill-run.log 2>&1; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    cp /tmp/crash-kill-run.log "/tmp/crash-kill-failed-$i.log"
  fi
  echo "run $i: pass=$pass fail=$fail"
done
echo "crash-kill under load: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
