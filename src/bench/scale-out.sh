#!/usr/bin/env bash
# Scale-out on one machine (issue 18, item 6; docs/operations.md, "Scale"). From the repository root:
#   bash src/bench/scale-out.sh
# Starts N instances (default 3) on loopback ports, all following one rules repository (a shared
# bare Git repository path, what a Git server URL is in production), behind a local round-robin
# HAProxy that only routes to ready instances. Under wrk load through the proxy it publishes a new
# ruleset version on one instance, then reports: failed requests (non-2xx and socket errors),
# answers per ruleset version, and how long every instance took to serve the published version.
# Needs the ruleset versions API (issue 11). Installs wrk, haproxy and curl with apt-get when
# missing (run as root). Everything listens on 127.0.0.1 and stops at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."

INSTANCES=${INSTANCES:-3}
BASE_PORT=${BASE_PORT:-18181}
PROXY_PORT=${PROXY_PORT:-18180}
PUBLISH_AFTER=${PUBLISH_AFTER:-20} # seconds of load before the publish
HOLD=${HOLD:-10}                   # seconds of load kept after every instance serves the new version
CONNECTIONS=${CONNECTIONS:-16}
# Each connection waits THINK_MS between its requests, so that the replicas run at about the
# HorizontalPodAutoscaler's CPU target (70 %) as in production, where a saturated replica gets
# company; THINK_MS=0 saturates every processor (a stress run: the replicas' gates then take
# several times longer, and so does convergence).
THINK_MS=${THINK_MS:-100}
HEAP=${HEAP:-512m}
POLL=${POLL:-5s}                   # how often a replica looks for a newly published version
KEY="X-API-Key: local-admin-key"  # the local default's key: the instances listen on loopback only
OUT=target/scale-out
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$OUT"

missing=()
for tool in wrk haproxy curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "== build"
./mvnw -q -B -DskipTests package
JAR=$(ls target/litiges-decision-service-*.jar | grep -v original | head -1)
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
cp src/test/resources/decision/contract-example.json "$OUT/complaint.json"

# One shared repository; each instance has its own working folder (its own var/ mirror).
REPOSITORY="$WORK/rulesets.git"
start_instance() { # n
  local n=$1 port=$((BASE_PORT + $1)) dir="$WORK/instance-$1"
  mkdir -p "$dir"
  cp -r rules decision-tables scenarios "$dir/"
  (cd "$dir" && exec java -Xmx"$HEAP" -jar "$JAR" --server.port="$port" \
      --litiges.rulesets.repository="$REPOSITORY" --litiges.rulesets.poll="$POLL" \
      --litiges.rulesets.follow-folders=false --litiges.ruleset.watch=false \
      > "$OLDPWD/$OUT/instance-$n.log" 2>&1) &
  PIDS+=($!)
}
wait_ready() { # n
  local port=$((BASE_PORT + $1)) deadline=$((SECONDS + 300))
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "instance $1 not ready after 300 s:"; tail -20 "$OUT/instance-$1.log"; exit 1; }
    sleep 0.5
  done
}
field() { # name: the first "name": "value" of the JSON on stdin (the top-level one in these answers)
  grep -o "\"$1\" *: *\"[^\"]*\"" | head -1 | sed 's/.*: *"\(.*\)"/\1/'
}
version_of() { # port
  curl -sf -H "$KEY" "http://127.0.0.1:$1/api/v1/ruleset" | field version
}

echo "== $INSTANCES instances sharing $REPOSITORY"
# The first one creates and seeds the repository; the others then follow it.
start_instance 1
wait_ready 1
for n in $(seq 2 "$INSTANCES"); do start_instance "$n"; done
for n in $(seq 2 "$INSTANCES"); do wait_ready "$n"; done
for n in $(seq 1 "$INSTANCES"); do echo "instance $n: version $(version_of $((BASE_PORT + n)))"; done

echo "== round-robin proxy on 127.0.0.1:$PROXY_PORT"
{
  cat <<CFG
global
  maxconn 4096
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  retries 2
  option redispatch
frontend decisions
  bind 127.0.0.1:$PROXY_PORT
  default_backend replicas
backend replicas
  balance roundrobin
  option httpchk GET /actuator/health/readiness
  http-check expect status 200
CFG
  for n in $(seq 1 "$INSTANCES"); do
    echo "  server instance-$n 127.0.0.1:$((BASE_PORT + n)) check inter 1s fall 2 rise 1"
  done
} > "$WORK/haproxy.cfg"
haproxy -f "$WORK/haproxy.cfg" -db > "$OUT/haproxy.log" 2>&1 &
PIDS+=($!)
until curl -sf -o /dev/null -H 'Content-Type: application/json' -H "$KEY" --data-binary @"$OUT/complaint.json" \
    "http://127.0.0.1:$PROXY_PORT/api/v1/decisions"; do sleep 0.5; done

# The load runs until every instance serves the published version and HOLD seconds more (wrk
# stops and reports on SIGINT), so answers from both versions are counted however long the
# candidate's gate and the replicas' polls take on this machine.
echo "== load: ${CONNECTIONS} connections, ${THINK_MS} ms think time each; publish after ${PUBLISH_AFTER} s, stop ${HOLD} s after convergence"
load_started=$SECONDS
THINK_MS=$THINK_MS wrk -t2 -c"$CONNECTIONS" -d600s --latency -s src/bench/versions.lua \
  "http://127.0.0.1:$PROXY_PORT/api/v1/decisions" -- "$OUT/complaint.json" > "$OUT/wrk.txt" 2>&1 &
WRK=$!
PIDS+=($WRK)
sleep "$PUBLISH_AFTER"

# A comment-only change: a new version whose decisions are the same, so the gate passes.
cp rules/escalation.drl "$WORK/escalation.drl"
printf '\n// scale-out run %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$WORK/escalation.drl"
PUBLISHER=$((BASE_PORT + 1))
upload_started=$SECONDS
candidate=$(curl -sf -H "$KEY" -F "files=@$WORK/escalation.drl;filename=rules/escalation.drl" \
  "http://127.0.0.1:$PUBLISHER/api/v1/rulesets/candidates")
id=$(field id <<<"$candidate")
status=$(field status <<<"$candidate")
echo "candidate $id: $status after $((SECONDS - upload_started)) s (compile, every scenario, warm-up)"
published_at=$SECONDS
published=$(curl -sf -H "$KEY" -H 'Content-Type: application/json' -d '{"message": "scale-out run: comment only"}' \
  "http://127.0.0.1:$PUBLISHER/api/v1/rulesets/candidates/$id/publish")
target=$(field version <<<"$published")
echo "published version $target on instance 1"

# Convergence: seconds until each instance serves the published version (limit 30 s).
converged_all=0
for n in $(seq 1 "$INSTANCES"); do
  port=$((BASE_PORT + n))
  until [ "$(version_of "$port")" = "$target" ]; do
    [ $((SECONDS - published_at)) -le 60 ] || { echo "instance $n still on $(version_of "$port") after 60 s"; break; }
    sleep 0.2
  done
  took=$((SECONDS - published_at))
  echo "instance $n serves $target after ${took} s"
  [ "$took" -gt "$converged_all" ] && converged_all=$took
done

sleep "$HOLD"
kill -INT "$WRK" 2>/dev/null || true
wait "$WRK" || true
echo "load ran $((SECONDS - load_started)) s"
echo "== results"
cat "$OUT/wrk.txt"
non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/wrk.txt"); non2xx=${non2xx:-0}
socket=$(awk '/Socket errors/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$OUT/wrk.txt"); socket=${socket:-0}
versions=$(grep -c '^answers [^s]' "$OUT/wrk.txt" || true)
on_target=$(awk -v v="$target" '$1 == "answers" && $2 == v":" {print $3}' "$OUT/wrk.txt"); on_target=${on_target:-0}
noversion=$(awk '/^answers no version:/ {print $NF}' "$OUT/wrk.txt"); noversion=${noversion:-0}
echo "failed requests: $((non2xx + socket)) (non-2xx $non2xx, socket errors $socket)"
echo "versions answered: $versions (answers naming no version: $noversion; on the published version: $on_target)"
echo "all $INSTANCES instances on the published version after ${converged_all} s (target <= 30 s)"
if [ $((non2xx + socket + noversion)) -eq 0 ] && [ "$on_target" -gt 0 ] && [ "$converged_all" -le 30 ]; then
  echo "PASS"
else
  echo "FAIL"
  exit 1
fi
