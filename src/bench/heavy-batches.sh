#!/usr/bin/env bash
# Heavy batches on one instance (issue 10; docs/performance.md, "Heavy batches"). From the repository root:
#   bash src/bench/heavy-batches.sh
# Builds the jar and starts the service with the DEFAULT heap (no -Xmx) on a loopback port, with a
# throwaway rules repository. Generates a batch of 1,000 complaints of 60 unpaid invoices each (same
# order, same amount: the input that once answered 845 MB and spiralled the garbage collector), then:
#   1. measures other callers' single decisions alone (wrk, the contract example, after a warm-up)
#      as a baseline, before the batches and again after them (the machine's noise, bracketed);
#   2. sends FOUR such batches at once with curl while wrk measures the same single decisions, and
#      reports each batch's status, time and Retry-After, peak heap used, peak RSS, GC count and
#      time, and the other callers' p50/p99 and failures;
#   3. sends one more batch, stops the service with SIGTERM while it runs, and reports how long the
#      process took to stop against the grace period (spring.lifecycle.timeout-per-shutdown-phase);
#   4. with MAX_CONCURRENT set (e.g. MAX_CONCURRENT=4), starts it again with that many batches allowed
#      at once and repeats 1 and 2, to see the time and memory of batches that all run.
# Needs curl and wrk (installed with apt-get when missing, run as root). Everything listens on
# 127.0.0.1 and stops at the end. The machine's load average is printed: on a shared machine the
# absolute times move with it, the ratios measured side by side less so.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18290}
BATCHES=${BATCHES:-4}
ITEMS=${ITEMS:-1000}
INVOICES=${INVOICES:-60}
CONNECTIONS=${CONNECTIONS:-4}
BASELINE=${BASELINE:-20}          # seconds of warm-up, then of single decisions alone before and after
MAX_CONCURRENT=${MAX_CONCURRENT:-} # empty: the default (half the processors, at least 1)
KEY="X-API-Key: local-admin-key"   # the local default's key: the instance listens on loopback only
ROOT=$(pwd)
OUT=target/heavy-batches
WORK=$(mktemp -d)
APP=""
SAMPLER=""
cleanup() {
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  [ -n "$APP" ] && kill "$APP" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$OUT"
rm -f "$OUT"/*.txt "$OUT"/*.json "$OUT"/*.log

missing=()
for tool in wrk curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "== machine: $(nproc) processors, $(free -g | awk '/Mem:/ {print $2}') GiB; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== build"
./mvnw -q -B -DskipTests package
JAR=$(ls target/litiges-decision-service-*.jar | grep -v original | head -1)
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
cp src/test/resources/decision/contract-example.json "$OUT/complaint.json"

echo "== a batch of $ITEMS complaints of $INVOICES unpaid invoices (same order, same amount)"
{
  printf '{"complaints": ['
  for ((c = 0; c < ITEMS; c++)); do
    [ "$c" -gt 0 ] && printf ','
    printf '{"complaintId": "HEAVY-%04d", "receivedOn": "2026-11-20", "text": "Nous contestons les factures de la commande PO-4411.",' "$c"
    printf ' "customer": {"id": "K-%04d", "type": "BUSINESS", "relationshipYears": 6, "strategic": false, "previousDisputes12m": 1}, "invoices": [' "$c"
    for ((i = 0; i < INVOICES; i++)); do
      [ "$i" -gt 0 ] && printf ','
      printf '{"number": "F-%04d-%02d", "issuedOn": "2026-%02d-01", "paymentTermsDays": 60, "amount": 12500.00, "currency": "EUR", "orderRef": "PO-4411", "status": "OPEN", "lines": [{"sku": "A1", "quantity": 100, "unitPrice": 125.00}]}' \
        "$c" "$i" $((i % 10 + 1))
    done
    printf '], "order": {"ref": "PO-4411", "orderedOn": "2026-01-02", "lines": [{"sku": "A1", "quantity": 100, "agreedUnitPrice": 125.00}]}, "disputedAmount": 12500.00}'
  done
  printf ']}'
} > "$WORK/batch.json"
echo "batch body: $(( $(stat -c %s "$WORK/batch.json") / 1024 )) KiB"

start() { # extra arguments for the service
  rm -rf "$WORK/app" && mkdir -p "$WORK/app" && cp -r rules decision-tables scenarios "$WORK/app/"
  (cd "$WORK/app" && exec java -jar "$JAR" --server.port="$PORT" --litiges.rulesets.repository="$WORK/rulesets.git" \
      --litiges.ruleset.watch=false "$@" > "$ROOT/$OUT/service.log" 2>&1) &
  APP=$!
  local deadline=$((SECONDS + 300))
  until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "not ready after 300 s:"; tail -20 "$OUT/service.log"; exit 1; }
    sleep 0.5
  done
}
metric() { # name [tag]: the first measurement, or the statistic named by $3 (COUNT, TOTAL_TIME, VALUE)
  local url="http://127.0.0.1:$PORT/actuator/metrics/$1"
  [ -n "${2:-}" ] && url="$url?tag=$2"
  curl -sf -H "$KEY" "$url" | jq -r --arg s "${3:-VALUE}" '[.measurements[] | select(.statistic == $s) | .value][0] // 0'
}
sample() { # every 0.5 s: heap used (bytes) and RSS (KiB), to $OUT/memory.txt
  while kill -0 "$APP" 2>/dev/null; do
    printf '%s %s\n' "$(metric jvm.memory.used area:heap 2>/dev/null || echo 0)" "$(ps -o rss= -p "$APP" 2>/dev/null | tr -d ' ' || echo 0)"
    sleep 0.5
  done > "$OUT/memory.txt"
}
gc() { printf '%s %s' "$(metric jvm.gc.pause '' COUNT)" "$(metric jvm.gc.pause '' TOTAL_TIME)"; }
wrk_summary() { # file: p50, p99, requests, failures
  local f=$1
  local p50 p99 requests non2xx socket
  p50=$(awk '/^ +50%/ {print $2}' "$f"); p99=$(awk '/^ +99%/ {print $2}' "$f")
  requests=$(awk '/requests in/ {print $1}' "$f")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$f"); non2xx=${non2xx:-0}
  socket=$(awk '/Socket errors/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$f"); socket=${socket:-0}
  echo "p50 $p50, p99 $p99, $requests requests, $((non2xx + socket)) failed (non-2xx $non2xx, socket errors $socket)"
}
send_batch() { # n: status, seconds, Retry-After, response size, items with an error
  local n=$1
  curl -s -o "$WORK/answer-$n.json" -D "$WORK/headers-$n.txt" -w '%{http_code} %{time_total} %{size_download}\n' \
    -H "$KEY" -H 'Content-Type: application/json' -H 'Accept-Language: en' --data-binary @"$WORK/batch.json" \
    "http://127.0.0.1:$PORT/api/v1/decisions/batch" > "$WORK/result-$n.txt" || echo "000 0 0" > "$WORK/result-$n.txt"
}
report_batch() { # n
  local n=$1 code time size retry errors truncated
  read -r code time size < "$WORK/result-$n.txt"
  retry=$(awk 'tolower($1) == "retry-after:" {print $2}' "$WORK/headers-$n.txt" | tr -d '\r')
  errors=$(grep -o '"error":' "$WORK/answer-$n.json" | wc -l || true)
  truncated=$(grep -o '"traceTruncated":true' "$WORK/answer-$n.json" | wc -l || true)
  echo "batch $n: $code in ${time} s, $((size / 1024)) KiB${retry:+, Retry-After $retry}, items in error: $errors, traces cut: $truncated"
}

run_round() { # label, extra arguments for the service
  local label=$1; shift
  echo "== $label"
  start "$@"
  curl -sf -o /dev/null -H "$KEY" -H 'Content-Type: application/json' --data-binary @"$OUT/complaint.json" \
    "http://127.0.0.1:$PORT/api/v1/decisions"
  # warm-up (discarded), then the other callers alone
  wrk -t1 -c"$CONNECTIONS" -d"${BASELINE}s" -s src/bench/post.lua \
    "http://127.0.0.1:$PORT/api/v1/decisions" -- "$OUT/complaint.json" > /dev/null 2>&1
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  wrk -t1 -c"$CONNECTIONS" -d"${BASELINE}s" --latency -s src/bench/post.lua \
    "http://127.0.0.1:$PORT/api/v1/decisions" -- "$OUT/complaint.json" > "$OUT/$label-alone.txt" 2>&1
  echo "other callers alone, before: $(wrk_summary "$OUT/$label-alone.txt")"
  local gc_before; gc_before=$(gc)
  sample & SAMPLER=$!
  # other callers for as long as the batches run (stopped then; 1800 s is only a ceiling)
  wrk -t1 -c"$CONNECTIONS" -d1800s --latency -s src/bench/post.lua \
    "http://127.0.0.1:$PORT/api/v1/decisions" -- "$OUT/complaint.json" > "$OUT/$label-during.txt" 2>&1 &
  local load=$!
  sleep 2
  local started=$SECONDS pids=()
  for n in $(seq 1 "$BATCHES"); do send_batch "$n" & pids+=($!); done
  wait "${pids[@]}"
  local took=$((SECONDS - started))
  sleep 1
  kill -INT "$load"; wait "$load" || true
  kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=""
  for n in $(seq 1 "$BATCHES"); do report_batch "$n"; done
  echo "all $BATCHES batches answered within ${took} s"
  local gc_after; gc_after=$(gc)
  read -r c0 t0 <<<"$gc_before"; read -r c1 t1 <<<"$gc_after"
  echo "GC during the batches: $(awk -v a="$c0" -v b="$c1" 'BEGIN {print b - a}') pauses, $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}') s"
  echo "peak heap used: $(sort -n -k1 "$OUT/memory.txt" | tail -1 | awk '{printf "%.0f MiB", $1 / 1048576}'), peak RSS: $(sort -n -k2 "$OUT/memory.txt" | tail -1 | awk '{printf "%.0f MiB", $2 / 1024}'), heap max: $(metric jvm.memory.max area:heap | awk '{printf "%.0f MiB", $1 / 1048576}')"
  echo "other callers during the batches: $(wrk_summary "$OUT/$label-during.txt")"
  wrk -t1 -c"$CONNECTIONS" -d"${BASELINE}s" --latency -s src/bench/post.lua \
    "http://127.0.0.1:$PORT/api/v1/decisions" -- "$OUT/complaint.json" > "$OUT/$label-after.txt" 2>&1
  echo "other callers alone, after: $(wrk_summary "$OUT/$label-after.txt")"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

stop_during_a_batch() {
  echo "== SIGTERM during a batch"
  send_batch stop & local batch=$!
  sleep 3
  local grace; grace=$(grep -o 'timeout-per-shutdown-phase: *[0-9]*s' src/main/resources/application.yml | grep -o '[0-9]*' || echo 30)
  local t0; t0=$(date +%s.%N)
  kill -TERM "$APP"
  wait "$APP" 2>/dev/null || true
  local stopped; stopped=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
  APP=""
  wait "$batch" || true
  report_batch stop
  echo "the process stopped ${stopped} s after SIGTERM (grace period ${grace} s)"
}

run_round default
stop_during_a_batch
if [ -n "$MAX_CONCURRENT" ]; then
  run_round "max-$MAX_CONCURRENT" --litiges.web.max-concurrent-batches="$MAX_CONCURRENT"
  kill -TERM "$APP"; wait "$APP" 2>/dev/null || true; APP=""
fi
