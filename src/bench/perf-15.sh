#!/usr/bin/env bash
# Issue #15 measurements, side by side in one run (docs/performance.md, section #15).
# From the repository root:  bash src/bench/perf-15.sh
# - HTTP: POST /api/v1/decisions against POST /api/v1/decisions/validate with the same body,
#   alternating rounds;
# - a batch of the 1,000-complaint mix against the same 1,000 as concurrent single requests
#   (wrk, CONNECTIONS connections, over the mix: time for 1,000 = 1,000 / requests per second);
# - other callers' latency (wrk --latency, 4 connections, one complaint) alone, then while
#   batches of the mix are sent one after the other.
# BASE=<another checkout of this repository, built with ./mvnw -DskipTests package> also starts
# that build and runs every round on both, one after the other, so two versions are compared
# in the same minutes on the same machine. The services listen on free ephemeral ports; needs
# wrk and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
HEAP=${HEAP:-512m}
KEY="X-API-Key: local-admin-key"
OUT=target/bench
mkdir -p "$OUT"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
SERVERS=()
trap 'for s in "${SERVERS[@]:-}"; do kill "$s" 2>/dev/null || true; done; kill "${LOOP:-0}" 2>/dev/null || true' EXIT

if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -B -Pbench -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
fi
CP="target/classes:target/test-classes:$(cat target/bench.cp)"
java -cp "$CP" fr.litiges.bench.BenchInputs "$OUT" >/dev/null

start() { # label tree -> sets PORT_<label>; each build serves its own tree's rules from a throwaway repository
  local jar port log
  jar=$(cd "$2" && ls "$PWD"/target/litiges-decision-service-*.jar | grep -v original | head -1)
  port=$(free_port)
  log="$PWD/$OUT/server-15-$1.log"
  # JVM_OPTS: e.g. a Flight Recorder profile of each build (-XX:StartFlightRecording=filename=...,settings=profile)
  (cd "$2" && exec java ${JVM_OPTS:-} -Xmx"$HEAP" -jar "$jar" --server.port="$port" --litiges.ruleset.watch=false --logging.level.root=WARN \
    --litiges.rulesets.repository="$(mktemp -d)/rulesets.git") > "$log" 2>&1 &
  SERVERS+=($!)
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do
    kill -0 "${SERVERS[-1]}" 2>/dev/null || { echo "the $1 service did not start:"; tail -20 "$OUT/server-15-$1.log"; exit 1; }
    sleep 0.2
  done
  printf -v "PORT_$1" '%s' "$port"
}
LABELS=(this)
start this .
if [ -n "${BASE:-}" ]; then
  LABELS=(base this)
  start base "$BASE"
fi
port() { local v="PORT_$1"; echo "${!v}"; }

rps() { # label path duration script file -> requests/s and errors
  local result
  result=$(wrk -t1 -c"$CONNECTIONS" -d"$3" -s "$4" "http://127.0.0.1:$(port "$1")$2" -- "$5")
  awk '/Requests\/sec/ {r=$2} /Non-2xx/ {n=$NF} /Socket errors/ {split($0,a,/[ ,]+/); s=a[4]+a[6]+a[8]+a[10]} END {print r, n+s+0}' <<<"$result"
}
p99() { # label duration -> p50 and p99 of single decisions, 4 connections
  wrk -t1 -c4 -d"$2" --latency -s src/bench/post.lua "http://127.0.0.1:$(port "$1")/api/v1/decisions" -- "$OUT/complaint.json" \
    | awk '$1 == "50%" {p50=$2} $1 == "99%" {p99=$2} END {print p50, p99}'
}
batch() { # label -> seconds
  curl -s -o "$OUT/batch-answer-$1.json" -w "%{time_total}" -H 'Content-Type: application/json' -H "$KEY" \
    --data-binary @"$OUT/batch-1000.json" "http://127.0.0.1:$(port "$1")/api/v1/decisions/batch"
}

echo "== warm-up (${LABELS[*]})"
for l in "${LABELS[@]}"; do
  rps "$l" /api/v1/decisions/validate 10s src/bench/post.lua "$OUT/complaint.json" >/dev/null
  rps "$l" /api/v1/decisions 10s src/bench/mix.lua "$OUT/singles-1000.jsonl" >/dev/null
  for i in 1 2 3; do batch "$l" >/dev/null; done
done

echo "== HTTP decisions against validate, same body (${ROUNDS} x ${DURATION} each, ${CONNECTIONS} connections)"
for round in $(seq 1 "$ROUNDS"); do
  for l in "${LABELS[@]}"; do
    read -r v ve <<<"$(rps "$l" /api/v1/decisions/validate "$DURATION" src/bench/post.lua "$OUT/complaint.json")"
    read -r d de <<<"$(rps "$l" /api/v1/decisions "$DURATION" src/bench/post.lua "$OUT/complaint.json")"
    echo "$l round $round: validate $v req/s ($ve errors), decisions $d req/s ($de errors), ratio $(awk -v d="$d" -v v="$v" 'BEGIN {printf "%.3f", d / v}')"
  done
done

echo "== a batch of 1,000 against the same 1,000 as concurrent singles (${ROUNDS} rounds)"
for round in $(seq 1 "$ROUNDS"); do
  for l in "${LABELS[@]}"; do
    b=$(batch "$l")
    read -r m me <<<"$(rps "$l" /api/v1/decisions "$DURATION" src/bench/mix.lua "$OUT/singles-1000.jsonl")"
    singles=$(awk -v m="$m" 'BEGIN {printf "%.3f", 1000 / m}')
    echo "$l round $round: batch $b s ($(grep -o '"decision":' "$OUT/batch-answer-$l.json" | wc -l) decisions), singles $m req/s ($me errors) = $singles s per 1,000, ratio $(awk -v b="$b" -v s="$singles" 'BEGIN {printf "%.2f", b / s}')"
  done
done

echo "== other callers' single decisions (4 connections, ${DURATION}): alone, then while batches of 1,000 run back to back"
for round in $(seq 1 "$ROUNDS"); do
  for l in "${LABELS[@]}"; do
    read -r a50 a99 <<<"$(p99 "$l" "$DURATION")"
    ( while true; do batch "$l" >/dev/null; done ) &
    LOOP=$!
    read -r b50 b99 <<<"$(p99 "$l" "$DURATION")"
    kill "$LOOP" 2>/dev/null || true
    wait "$LOOP" 2>/dev/null || true
    echo "$l round $round: alone p50 $a50 p99 $a99; during batches p50 $b50 p99 $b99"
  done
done
