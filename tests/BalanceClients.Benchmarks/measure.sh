# Whole-process timings, sourced by startup.sh and image.sh: `measure COMMAND...` runs it $warmup + $runs times and prints,
# per timed run, wall seconds (from the shell's microsecond clock; time -v counts only hundredths), CPU seconds (user +
# system) and peak RSS KiB (from /usr/bin/time -v); `median` takes the median of a column of numbers; `row NAME SIZE
# COMMAND...` prints one Markdown row of the medians (`summary NAME SIZE` does it for lines already measured); `mib` turns
# bytes into MiB.

measure() {
  local i out start end
  for ((i = 0; i < warmup + runs; i++)); do
    start=$EPOCHREALTIME
    out=$( { /usr/bin/time -v "$@" > /dev/null; } 2>&1 )
    end=$EPOCHREALTIME
    if ((i >= warmup)); then
      awk -F': ' -v start="$start" -v end="$end" '
        /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 }
        END { printf "%.4f %.2f %d\n", end - start, user + sys, rss }' <<< "$out"
    fi
  done
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

row() {
  local name=$1 size=$2; shift 2
  measure "$@" | summary "$name" "$size"
}

# One Markdown row of the medians of the lines `measure` printed, read from standard input.
summary() {
  local results
  results=$(cat)
  printf '| %s | %s s | %s s | %s MiB | %s |\n' "$1" \
    "$(cut -d' ' -f1 <<< "$results" | median)" \
    "$(cut -d' ' -f2 <<< "$results" | median)" \
    "$(cut -d' ' -f3 <<< "$results" | median | awk '{ printf "%.1f", $1 / 1024 }')" \
    "$2"
}

mib() { awk '{ printf "%.1f MiB", $1 / 1048576 }'; }
