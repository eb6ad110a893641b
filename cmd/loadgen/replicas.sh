#!/usr/bin/env bash
# One replica against two on one PostgreSQL, measured in one run: one
# replica pinned to one core, two replicas pinned to a core each, and one
# replica on both cores, one after another, each on a fresh database of a
# throwaway cluster. Run as root on a machine with Debian's postgresql 15
# (the README's Performance section has the figures). LEARNERS and
# DURATION change the load.
set -euo pipefail
PG=/usr/lib/postgresql/15/bin
LEARNERS=${LEARNERS:-150}
DURATION=${DURATION:-60s}
W=/tmp/lgpg
rm -rf $W && mkdir -p $W && chown postgres $W
runuser -u postgres -- $PG/initdb -D $W/data -U postgres --auth=trust --encoding=UTF8 --locale=C >/dev/null
runuser -u postgres -- $PG/pg_ctl -D $W/data -o "-k $W -c listen_addresses= -c max_connections=100" -l $W/log -w start >/dev/null
trap 'runuser -u postgres -- $PG/pg_ctl -D $W/data -m fast -w stop >/dev/null; rm -rf $W /tmp/lgrun /tmp/lgbin' EXIT
cd "$(dirname "$0")/../.."
go build -o /tmp/lgbin/portal ./cmd/portal && go build -o /tmp/lgbin/loadgen ./cmd/loadgen
wait_up() { for _ in $(seq 1 300); do curl -sf "http://$1/healthz" >/dev/null && return 0; sleep 0.1; done; echo "no $1" >&2; return 1; }
# serve starts a replica pinned to cpus (taskset), so its grader workers
# (one per core it may use) stay there too, and prints its pid.
serve() { # name addr cpus db
  local dir=/tmp/lgrun/$1; mkdir -p $dir
  taskset -c "$3" /tmp/lgbin/portal serve --addr "$2" --data-dir $dir --database-url "postgres://postgres@/$4?host=$W&sslmode=disable" --auth-rate 100000 --log-level error >$dir/log 2>&1 &
  echo $!
}
run() { # title db then "cpus" per replica
  local title=$1 db=$2; shift 2
  runuser -u postgres -- $PG/createdb -h $W $db
  local pids=() addrs=() port=18091
  for cpus in "$@"; do
    pids+=("$(serve r$port 127.0.0.1:$port "$cpus" $db)"); wait_up 127.0.0.1:$port; addrs+=("http://127.0.0.1:$port"); port=$((port+1))
  done
  echo "=== $title  (load average: $(cut -d' ' -f1 /proc/loadavg))"
  /tmp/lgbin/loadgen -addr "$(IFS=,; echo "${addrs[*]}")" -learners $LEARNERS -duration $DURATION -think 1s -pid "$(IFS=,; echo "${pids[*]}")" -prefix "$db" || true
  kill "${pids[@]}"
  # They are not this shell's children (serve ran in a subshell): wait for
  # them to exit, so the next setup does not meet them on its ports.
  for p in "${pids[@]}"; do while kill -0 "$p" 2>/dev/null; do sleep 0.1; done; done
}
run "one replica on one core (taskset -c 0)" one_core 0
run "two replicas, one core each (taskset -c 0 and -c 1)" two_cores 0 1
run "one replica on both cores" one_both 0,1
