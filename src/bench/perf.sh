#!/usr/bin/env bash
# Performance run of docs/performance.md, on the machine it runs on. From the repository root:
#   bash src/bench/perf.sh
# Measures: start-up to healthy; HTTP throughput of POST /api/v1/decisions against
# POST /api/v1/decisions/validate (same body), alternating; a batch of 1,000 complaints; and
# reloading a generated 10,000-row decision table while decisions are being served, all with the
# heap capped at 512 MiB. Installs wrk with apt-get when it is missing (run as root).
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18080}
DURATION=${DURATION:-20s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
HEAP=${HEAP:-512m}
# the local default's administrator key (the service runs on loopback without configured keys)
KEY="X-API-Key: local-admin-key"
OUT=target/bench
WORK=$(mktemp -d)
trap 'kill "${SERVER:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

if ! command -v wrk >/dev/null || ! command -v curl >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk curl >/dev/null
fi

echo "== build"
./mvnw -q -B -Pbench -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench.cp)"
java -cp "$CP" fr.litiges.bench.BenchInputs "$OUT"
java -cp "$CP" fr.litiges.bench.LargeTableGenerator "$OUT/catalogue-indices.xlsx" 10000
JAR=$(ls target/litiges-decision-service-*.jar | grep -v original | head -1)

# The service works on a copy of the rules, so the large table never lands in the repository.
cp -r rules decision-tables scenarios "$WORK/"

echo "== start-up (heap $HEAP)"
start=$(date +%s%N)
java -Xmx"$HEAP" -jar "$JAR" --server.port="$PORT" --litiges.ruleset.watch=false \
  --litiges.ruleset.rules-dir="$WORK/rules" --litiges.ruleset.tables-dir="$WORK/decision-tables" \
  --litiges.scenarios.dir="$WORK/scenarios" --logging.level.root=WARN > "$OUT/server.log" 2>&1 &
SERVER=$!
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
  kill -0 "$SERVER" 2>/dev/null || { echo "the service did not start:"; tail -20 "$OUT/server.log"; exit 1; }
  sleep 0.1
done
startup_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "healthy after ${startup_ms} ms"

run_wrk() { # path duration -> "requests/s errors"
  local result
  result=$(wrk -t1 -c"$CONNECTIONS" -d"$2" -s src/bench/post.lua "http://127.0.0.1:$PORT$1" -- "$OUT/complaint.json")
  local rps errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$result")
  errors=$(awk '/Non-2xx/ {n=$NF} /Socket errors/ {split($0,a,/[ ,]+/); s=a[4]+a[6]+a[8]+a[10]} END {print n+s+0}' <<<"$result")
  echo "$rps $errors"
}

echo "== HTTP: decisions against validate, alternating (${ROUNDS} x ${DURATION} each, ${CONNECTIONS} connections)"
run_wrk /api/v1/decisions/validate 10s >/dev/null
run_wrk /api/v1/decisions 10s >/dev/null
sum_validate=0; sum_decide=0; all_errors=0
for round in $(seq 1 "$ROUNDS"); do
  read -r v ve <<<"$(run_wrk /api/v1/decisions/validate "$DURATION")"
  read -r d de <<<"$(run_wrk /api/v1/decisions "$DURATION")"
  echo "round $round: validate ${v} req/s (${ve} errors), decisions ${d} req/s (${de} errors)"
  sum_validate=$(awk -v a="$sum_validate" -v b="$v" 'BEGIN {print a + b}')
  sum_decide=$(awk -v a="$sum_decide" -v b="$d" 'BEGIN {print a + b}')
  all_errors=$((all_errors + ve + de))
done
ratio=$(awk -v d="$sum_decide" -v v="$sum_validate" 'BEGIN {printf "%.3f", d / v}')
echo "decisions / validate = ${ratio} (target >= 0.80), errors: ${all_errors}"

echo "== batch of 1,000 complaints (5 calls)"
for i in 1 2 3 4 5; do
  curl -s -o "$OUT/batch-answer.json" -w "status %{http_code}, %{time_total} s\n" -H 'Content-Type: application/json' -H "$KEY" \
    --data-binary @"$OUT/batch-1000.json" "http://127.0.0.1:$PORT/api/v1/decisions/batch"
done
echo "decisions in the last answer: $(grep -o '"decision":' "$OUT/batch-answer.json" | wc -l), errors: $(grep -o '"error":' "$OUT/batch-answer.json" | wc -l)"

echo "== reload of a 10,000-row table while decisions are served"
cp "$OUT/catalogue-indices.xlsx" "$WORK/decision-tables/"
wrk -t1 -c4 -d40s -s src/bench/post.lua "http://127.0.0.1:$PORT/api/v1/decisions" -- "$OUT/complaint.json" > "$OUT/wrk-during-reload.txt" &
LOAD=$!
sleep 3
curl -s -o "$OUT/reload-answer.json" -w "reload: status %{http_code}, %{time_total} s\n" -H "$KEY" -X POST "http://127.0.0.1:$PORT/api/v1/ruleset/reload"
wait "$LOAD"
echo "rules after the reload: $(grep -o '"ruleCount":[0-9]*' "$OUT/reload-answer.json" | tail -1)"
grep -E "Requests/sec|Non-2xx|Socket errors" "$OUT/wrk-during-reload.txt" || true
echo "(no Non-2xx / Socket errors line above means every request during the reload answered 2xx)"
