#!/usr/bin/env bash
# cardface render BATCH --shard K/N | auto, and merge-reports: 4 shards run as 4 processes over
# one output folder (with --shard K/4, and with --shard auto under a Kubernetes Indexed Job's,
# a Slurm job array's and GNU parallel's variables) give exactly the files of one run; a shard
# killed with kill -9 resumes; bad shard options are refused.
#   SHARD_CARDS=200 SHARD_DPI=600 bash tests/cli/shard_contract.sh ...   # the full-size check
source "$(dirname "$0")/contract.sh" "$@"
make_holders=$3
trap 'kill -9 $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
cards=${SHARD_CARDS:-40}
dpi=${SHARD_DPI:-100}  # the contract, not the pixels: keep it quick
cp -r "$root/samples/photos" "$work/photos"
"$make_holders" "$cards" photos >"$work/holders.jsonl"
cache=(--cache-dir "$work/cache")  # one folder shared by every process below
# sha256 of every PNG and of report.jsonl, by name: what one run and the merged shards share.
digest_output() { (cd "$1" && find . -type f \( -name '*.png' -o -name report.jsonl \) | sort | xargs sha256sum); }

"$cardface" render "$work/holders.jsonl" --dpi $dpi -j 2 "${cache[@]}" --out "$work/one" >/dev/null 2>&1 ||
  bad "one run failed"

# check_shards NAME: the four shards in $work/NAME all exited 0; merged, the folder is one run's.
check_shards() {
  local name=$1 dir=$work/$1
  "$cardface" merge-reports "$dir"/report-{1,2,3,4}-of-4.jsonl --out "$dir/report.jsonl" 2>"$work/merge-err"
  local status=$?
  if [[ $status -eq 0 ]] && grep -q "cardface: $cards records from 4 reports" "$work/merge-err"; then ok; else
    bad "$name: merge-reports exit $status: $(cat "$work/merge-err")"
  fi
  if [[ "$(digest_output "$dir")" == "$(digest_output "$work/one")" ]]; then ok; else
    bad "$name: differs from one run: $(diff <(digest_output "$dir") <(digest_output "$work/one") | head -5)"
  fi
  if [[ $(ls "$dir" | grep -c '^report-[1-4]-of-4.jsonl$') -eq 4 && $(ls -A "$dir" | grep -c '^.cardface-journal-[1-4]-of-4$') -eq 4 ]]; then ok; else
    bad "$name: shard journals/reports: $(ls -A "$dir" | grep -v png | tr '\n' ' ')"
  fi
  if [[ -z $(find "$dir" -name '.*.tmp-*') ]]; then ok; else bad "$name: temporary files left"; fi
}

# run_four NAME ENV-PREFIX... : four processes at once, process i (1-4) given "$@" with {i}
# and {i0} (0-based) replaced in every argument.
run_four() {
  local name=$1
  shift
  local pids=() i
  for i in 1 2 3 4; do
    local args=()
    for a in "$@"; do
      a=${a//\{i0\}/$((i - 1))}
      args+=("${a//\{i\}/$i}")
    done
    env "${args[@]}" >/dev/null 2>"$work/$name-$i.err" &
    pids+=($!)
  done
  local failures=0
  for i in 0 1 2 3; do wait "${pids[$i]}" || failures=$((failures + 1)); done
  if [[ $failures -eq 0 ]]; then ok; else bad "$name: $failures shards failed: $(cat "$work/$name"-*.err)"; fi
}

render=("$cardface" render "$work/holders.jsonl" --dpi $dpi -j 1 "${cache[@]}")

# 1. --shard K/4.
run_four k4 "${render[@]}" --shard {i}/4 --out "$work/k4"
check_shards k4
per_shard=$(((cards + 3) / 4))
if grep -q "cardface: shard 1/4: $per_shard records: $per_shard rendered, 0 unchanged, 0 failed" "$work/k4-1.err"; then ok; else
  bad "shard summary: $(cat "$work/k4-1.err")"
fi
# Shard K holds records K-1, K-1+4, ...: the first lines of shard 2's report are lines 2 and 6.
if [[ $(head -2 "$work/k4/report-2-of-4.jsonl" | grep -o '"line":[0-9]*' | tr '\n' ' ') == '"line":2 "line":6 ' ]]; then ok; else
  bad "shard 2's records: $(head -2 "$work/k4/report-2-of-4.jsonl")"
fi

# 2. A Kubernetes Indexed Job: JOB_COMPLETION_INDEX 0-3, the count in CARDFACE_SHARD_COUNT.
run_four k8s JOB_COMPLETION_INDEX={i0} CARDFACE_SHARD_COUNT=4 "${render[@]}" --shard auto --out "$work/k8s"
check_shards k8s

# 3. A Slurm job array (sbatch --array=1-4): SLURM_ARRAY_TASK_ID from SLURM_ARRAY_TASK_MIN.
run_four slurm SLURM_ARRAY_JOB_ID=77 SLURM_ARRAY_TASK_ID={i} SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_MAX=4 \
  SLURM_ARRAY_TASK_COUNT=4 "${render[@]}" --shard auto --out "$work/slurm"
check_shards slurm

# 4. GNU parallel itself (Debian `parallel`): four jobs at once, each its PARALLEL_SEQ.
if command -v parallel >/dev/null; then
  parallel --will-cite -n0 -j4 "${render[@]}" --shard auto --shard-count 4 --out "$work/parallel" ::: 1 2 3 4 \
    >/dev/null 2>"$work/parallel.err"
  if [[ $? -eq 0 ]]; then ok; else bad "parallel: $(cat "$work/parallel.err")"; fi
  check_shards parallel
else
  bad "GNU parallel is not installed (tools/setup.sh installs Debian's parallel)"
fi

# 5. A shard killed with kill -9 while the others finish, then resumed: the folder is one run's.
mkdir -p "$work/killed"
for k in 1 3 4; do "${render[@]}" --shard $k/4 --out "$work/killed" >/dev/null 2>&1 || bad "shard $k/4 failed"; done
"${render[@]}" --shard 2/4 --out "$work/killed" >/dev/null 2>&1 &
pid=$!
own_files=$((2 * per_shard))
base=$(ls "$work/killed" | grep -c 'png$')
for _ in $(seq 1 1200); do
  [[ $(($(ls "$work/killed" | grep -c 'png$') - base)) -ge 4 ]] && break
  sleep 0.02
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
written=$(($(ls "$work/killed" | grep -c 'png$') - base))
if [[ $written -ge 4 && $written -lt $own_files ]]; then ok; else bad "kill -9 came at $written of $own_files files"; fi
"${render[@]}" --shard 2/4 --resume --out "$work/killed" >/dev/null 2>"$work/err"
status=$?
if [[ $status -eq 0 ]] && grep -qE "shard 2/4: $per_shard records: [0-9]+ rendered, [1-9][0-9]* unchanged, 0 failed" "$work/err"; then ok; else
  bad "resume: exit $status $(cat "$work/err")"
fi
check_shards killed

# 6. Refusals: overlapping reports, bad K/N, auto without a scheduler, --shard with one card.
"$cardface" merge-reports "$work/k4/report-1-of-4.jsonl" "$work/k4/report-1-of-4.jsonl" --out "$work/dup.jsonl" 2>"$work/err"
if [[ $? -eq 1 ]] && grep -q "report-1-of-4.jsonl:1: record of line 1 is also in .*overlapping shards" "$work/err" &&
  [[ ! -e $work/dup.jsonl ]]; then ok; else bad "overlapping reports: $(cat "$work/err")"; fi
# A missing shard: by the default report names, and (any names) against the batch file.
"$cardface" merge-reports "$work/k4"/report-{1,2,4}-of-4.jsonl --out "$work/three.jsonl" 2>"$work/err"
if [[ $? -eq 1 ]] && grep -q "report-3-of-4.jsonl: shard 3 of 4 is missing" "$work/err" &&
  [[ ! -e $work/three.jsonl ]]; then ok; else bad "missing shard by name: $(cat "$work/err")"; fi
for k in 1 2 4; do cp "$work/k4/report-$k-of-4.jsonl" "$work/part-$k.jsonl"; done
"$cardface" merge-reports "$work"/part-{1,2,4}.jsonl --out "$work/three.jsonl" 2>"$work/err"
if [[ $? -eq 0 ]]; then ok; else bad "renamed reports without --batch: $(cat "$work/err")"; fi
rm -f "$work/three.jsonl"
"$cardface" merge-reports "$work"/part-{1,2,4}.jsonl --batch "$work/holders.jsonl" --out "$work/three.jsonl" 2>"$work/err"
if [[ $? -eq 1 ]] && grep -q "holders.jsonl: $((cards / 4)) record(s) in no report (line 3, 7, 11, 15, 19, ...): a shard is missing or did not finish" "$work/err" &&
  [[ ! -e $work/three.jsonl ]]; then ok; else bad "missing shard against the batch: $(cat "$work/err")"; fi
"$cardface" merge-reports "$work"/part-{1,2,4}.jsonl "$work/k4/report-3-of-4.jsonl" --batch "$work/holders.jsonl" --out "$work/four.jsonl" 2>"$work/err"
if [[ $? -eq 0 ]] && cmp -s "$work/four.jsonl" "$work/k4/report.jsonl"; then ok; else bad "all four against the batch: $(cat "$work/err")"; fi
head -3 "$work/holders.jsonl" >"$work/short.jsonl"
"$cardface" merge-reports "$work"/part-{1,2,4}.jsonl "$work/k4/report-3-of-4.jsonl" --batch "$work/short.jsonl" --out "$work/x.jsonl" 2>"$work/err"
if [[ $? -eq 1 ]] && grep -q "short.jsonl: a report holds line 4, where this batch has no record" "$work/err"; then ok; else bad "report of another batch: $(cat "$work/err")"; fi
echo '{"line":"x"}' >"$work/not-a-report.jsonl"
"$cardface" merge-reports "$work/not-a-report.jsonl" --out "$work/x.jsonl" 2>"$work/err"
if [[ $? -eq 1 ]] && grep -q "not-a-report.jsonl:1: is not a report line" "$work/err"; then ok; else bad "bad report: $(cat "$work/err")"; fi
expect_refused "--shard 5/4" "--shard: shard 5 is not from 1 to 4" 'ZZZ' "$work/r1" -- "${render[@]}" --shard 5/4 --out "$work/r1"
expect_refused "--shard 2" "--shard: expected K/N" 'ZZZ' "$work/r2" -- "${render[@]}" --shard 2 --out "$work/r2"
expect_refused "--shard auto" "--shard: auto: none of JOB_COMPLETION_INDEX" 'ZZZ' "$work/r3" -- \
  env -u JOB_COMPLETION_INDEX -u SLURM_ARRAY_TASK_ID -u PARALLEL_SEQ "${render[@]}" --shard auto --shard-count 4 --out "$work/r3"
head -1 "$work/holders.jsonl" >"$work/one.json"
"$cardface" render "$work/one.json" --shard 1/4 --out "$work/r4" >/dev/null 2>&1
if [[ $? -eq 2 ]]; then ok; else bad "--shard with one card: expected exit 2"; fi
finish
