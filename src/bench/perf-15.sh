#!/usr/bin/env bash
# Issue #15 measurements, side by side in one run of the service (docs/performance.md, section #15).
# From the repository root:  bash src/bench/perf-15.sh
# - HTTP: POST /api/v1/decisions against POST /api/v1/decisions/validate with the same body,
#   alternating rounds, then decisions over the 1,000-complaint mix;
# - a batch of the 1,000 complaints against the same 1,000 as concurrent single requests
#   (wrk, CONNECTIONS connections, over the mix: time for 1,000 = 1,000 / requests per second).
# The service listens on a free ephemeral port; needs wrk and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
HEAP=${HEAP:-512m}
KEY="X-API-Key: local-admin-key"
OUT=target/bench
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
trap 'kill "${SERVER:-0}" 2>/dev/null || true' EXIT

if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -B -Pbench -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
fi
CP="target/classes:target/test-classes:$(cat target/bench.cp)"
java -cp "$CP" fr.litiges.bench.BenchInputs "$OUT" >/dev/null
JAR=$(ls target/litiges-decision-service-*.jar | grep -v original | head -1)

java -Xmx"$HEAP" -jar "$JAR" --server.port="$PORT" --litiges.ruleset.watch=false --logging.level.root=WARN > "$OUT/server-15.log" 2>&1 &
SERVER=$!
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
  kill -0 "$SERVER" 2>/dev/null || { echo "the service did not start:"; tail -20 "$OUT/server-15.log"; exit 1; }
  sleep 0.2
done

rps() { # path duration script file -> requests/s and errors
  local result
  result=$(wrk -t1 -c"$CONNECTIONS" -d"$2" -s "$3" "http://127.0.0.1:$PORT$1" -- "$4")
  awk '/Requests\/sec/ {r=$2} /Non-2xx/ {n=$NF} /Socket errors/ {split($0,a,/[ ,]+/); s=a[4]+a[6]+a[8]+a[10]} END {print r, n+s+0}' <<<"$result"
}

echo "== warm-up"
rps /api/v1/decisions/validate 10s src/bench/post.lua "$OUT/complaint.json" >/dev/null
rps /api/v1/decisions 10s src/bench/mix.lua "$OUT/singles-1000.jsonl" >/dev/null
for i in 1 2 3; do curl -s -o /dev/null -H 'Content-Type: application/json' -H "$KEY" --data-binary @"$OUT/batch-1000.json" "http://127.0.0.1:$PORT/api/v1/decisions/batch"; done

echo "== HTTP decisions against validate, same body (${ROUNDS} x ${DURATION} each, ${CONNECTIONS} connections)"
sv=0; sd=0
for round in $(seq 1 "$ROUNDS"); do
  read -r v ve <<<"$(rps /api/v1/decisions/validate "$DURATION" src/bench/post.lua "$OUT/complaint.json")"
  read -r d de <<<"$(rps /api/v1/decisions "$DURATION" src/bench/post.lua "$OUT/complaint.json")"
  echo "round $round: validate $v req/s ($ve errors), decisions $d req/s ($de errors), ratio $(awk -v d="$d" -v v="$v" 'BEGIN {printf "%.3f", d / v}')"
  sv=$(awk -v a="$sv" -v b="$v" 'BEGIN {print a + b}'); sd=$(awk -v a="$sd" -v b="$d" 'BEGIN {print a + b}')
done
echo "decisions / validate = $(awk -v d="$sd" -v v="$sv" 'BEGIN {printf "%.3f", d / v}') (target >= 0.80)"

echo "== a batch of 1,000 against the same 1,000 as concurrent singles, alternating (${ROUNDS} rounds)"
for round in $(seq 1 "$ROUNDS"); do
  b=$(curl -s -o "$OUT/batch-answer.json" -w "%{time_total}" -H 'Content-Type: application/json' -H "$KEY" \
      --data-binary @"$OUT/batch-1000.json" "http://127.0.0.1:$PORT/api/v1/decisions/batch")
  read -r m me <<<"$(rps /api/v1/decisions "$DURATION" src/bench/mix.lua "$OUT/singles-1000.jsonl")"
  singles=$(awk -v m="$m" 'BEGIN {printf "%.3f", 1000 / m}')
  echo "round $round: batch $b s ($(grep -o '"decision":' "$OUT/batch-answer.json" | wc -l) decisions), singles $m req/s ($me errors) = $singles s per 1,000, ratio $(awk -v b="$b" -v s="$singles" 'BEGIN {printf "%.2f", b / s}')"
done
