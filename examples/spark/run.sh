#!/usr/bin/env bash
# run.sh: checks a JSON Lines corpus on a Spark standalone cluster started here (a master and
# two workers on 127.0.0.1) and with the binary in one process, prints both times, and checks
# that the findings are the same (sorted). Everything it starts, it stops.
#
# Usage:
#   examples/spark/run.sh CORPUS.jsonl [--group-by folder|all] [--bin PATH] [--work DIR]
#                         [--workers N] [--worker-cores N] [--worker-memory SIZE]
#                         [--partitions N]
#
#   --group-by  folder (default): each story apart; all: every document with every other,
#               the claims grouped by subject and property after a first pass (README.md)
#   --bin     the crosscheck binary (default: target/release/crosscheck, built first)
#   --work    where the virtual environment, logs and findings go (default target/spark)
#   --workers, --worker-cores, --worker-memory   the cluster (default 2 workers, 1 core, 3g)
#   --partitions  input splits and shuffle partitions (default 8)
#
# Needs: python3 (3.9+), a Java runtime for Spark (Debian: apt-get install openjdk-17-jre-headless),
# the Rust toolchain (to build the package), and PyPI for pyspark, pandas, pyarrow, maturin.
# Ports: master 17077, web UIs from 18080 (CROSSCHECK_SPARK_PORT, CROSSCHECK_SPARK_UI to change).
# Exit: 0 when the findings are equal, 1 when they differ, 2 on a setup error.

set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus=""
bin=""
work="$root/target/spark"
workers=2
worker_cores=1
worker_memory=3g
partitions=8
group_by=folder
port="${CROSSCHECK_SPARK_PORT:-17077}"
ui="${CROSSCHECK_SPARK_UI:-18080}"

die() {
    echo "run.sh: $*" >&2
    exit 2
}

while [[ $# -gt 0 ]]; do
    case "$1" in
    --bin) bin="${2:?--bin needs a path}"; shift 2 ;;
    --work) work="${2:?--work needs a folder}"; shift 2 ;;
    --workers) workers="${2:?}"; shift 2 ;;
    --worker-cores) worker_cores="${2:?}"; shift 2 ;;
    --worker-memory) worker_memory="${2:?}"; shift 2 ;;
    --partitions) partitions="${2:?}"; shift 2 ;;
    --group-by) group_by="${2:?}"; shift 2 ;;
    -h | --help) sed -n '2,23p' "$0"; exit 0 ;;
    -*) die "unknown option $1" ;;
    *) [[ -z "$corpus" ]] || die "one corpus only"; corpus="$1"; shift ;;
    esac
done
[[ -n "$corpus" ]] || die "usage: run.sh CORPUS.jsonl (see --help)"
[[ "$group_by" == folder || "$group_by" == all ]] || die "--group-by is folder or all"
[[ -f "$corpus" ]] || die "$corpus: no such file"
corpus="$(cd "$(dirname "$corpus")" && pwd)/$(basename "$corpus")"
command -v java >/dev/null || die "no java on PATH (Debian: apt-get install openjdk-17-jre-headless)"
mkdir -p "$work"

if [[ -z "$bin" ]]; then
    (cd "$root" && cargo build --release --quiet)
    bin="$root/target/release/crosscheck"
fi

# The environment: pyspark and the crosscheck package (built from python/ by maturin).
venv="$work/venv"
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
# pandas < 3: PySpark 4.3 does not support pandas 3 yet (applyInPandas fails on its strings).
"$venv/bin/pip" install --quiet --disable-pip-version-check pyspark "pandas<3" pyarrow maturin
PATH="$venv/bin:$PATH" "$venv/bin/pip" install --quiet --disable-pip-version-check \
    --no-build-isolation --force-reinstall --no-deps "$root/python"

# One process: the binary, as the README runs it.
single="$work/single.jsonl"
t0=$(date +%s.%N)
status=0
"$bin" check --group-by "$group_by" --format json-lines "$corpus" >"$single" 2>"$work/single.err" ||
    status=$?
t1=$(date +%s.%N)
[[ $status -le 1 ]] || die "the binary failed (exit $status): $(head -3 "$work/single.err")"

# The cluster: a master and the workers on 127.0.0.1, stopped on any exit.
spark_home="$("$venv/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
export SPARK_HOME="$spark_home" SPARK_LOCAL_IP=127.0.0.1 SPARK_LOG_DIR="$work/logs"
export PYSPARK_PYTHON="$venv/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python"
mkdir -p "$SPARK_LOG_DIR"
pids=()
stop() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
}
trap stop EXIT

wait_for_port() {
    local p=$1
    for _ in $(seq 1 120); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            return 0
        fi
        sleep 0.5
    done
    die "nothing listens on 127.0.0.1:$p (see $SPARK_LOG_DIR)"
}

(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && die "port $port is taken (CROSSCHECK_SPARK_PORT)"
"$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$port" --webui-port "$ui" >"$SPARK_LOG_DIR/master.log" 2>&1 &
pids+=($!)
wait_for_port "$port"
for i in $(seq 1 "$workers"); do
    "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.worker.Worker \
        --host 127.0.0.1 --cores "$worker_cores" --memory "$worker_memory" \
        --webui-port $((ui + i)) --work-dir "$work/worker-$i" \
        "spark://127.0.0.1:$port" >"$SPARK_LOG_DIR/worker-$i.log" 2>&1 &
    pids+=($!)
done
# The workers register with the master within a few seconds.
for _ in $(seq 1 120); do
    registered=$(grep -c "Registering worker" "$SPARK_LOG_DIR/master.log" || true)
    [[ $registered -ge $workers ]] && break
    sleep 0.5
done
[[ $registered -ge $workers ]] || die "only $registered of $workers workers registered"

out="$work/spark-findings"
t2=$(date +%s.%N)
job=0
"$venv/bin/python" "$root/examples/spark/crosscheck_spark.py" \
    --master "spark://127.0.0.1:$port" --corpus "$corpus" --name "$corpus" \
    --out "$out" --partitions "$partitions" --group-by "$group_by" \
    >"$work/spark-job.out" 2>"$work/spark-job.err" ||
    job=$?
t3=$(date +%s.%N)
cat "$work/spark-job.out"
[[ $job -eq 0 ]] || die "the Spark job failed (exit $job): see $work/spark-job.err"
stop
trap - EXIT

sort "$single" >"$work/single.sorted"
cat "$out"/part-* | sort >"$work/spark.sorted"
bytes=$(stat -c %s "$corpus")
python3 - "$t0" "$t1" "$t2" "$t3" "$bytes" "$work/single.sorted" "$work/spark.sorted" \
    "$workers" "$worker_cores" "$group_by" <<'EOF'
import sys
t0, t1, t2, t3 = map(float, sys.argv[1:5])
mib = int(sys.argv[5]) / 2**20
single, spark = (open(p, encoding="utf-8").read().splitlines() for p in sys.argv[6:8])
workers, cores, mode = sys.argv[8:11]
print(f"corpus:        {mib:.1f} MiB, --group-by {mode}")
print(f"one process:   {t1 - t0:.1f} s ({mib / (t1 - t0):.1f} MiB/s), {len(single)} findings")
print(f"spark cluster: {t3 - t2:.1f} s ({mib / (t3 - t2):.1f} MiB/s) on {workers} workers x "
      f"{cores} core, {len(spark)} findings (JVM start, job and write)")
if single == spark:
    print("findings:      equal (sorted)")
else:
    a, b = set(single), set(spark)
    print(f"findings:      DIFFER: {len(a - b)} only in one process, {len(b - a)} only on spark")
    sys.exit(1)
EOF
