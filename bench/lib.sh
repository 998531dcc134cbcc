# Shared by the bench scripts: `best CMD...` prints the best wall time (seconds) of $runs runs.
best() {
  local b=""
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N)
    b=$(python3 -c "t=float('$e')-float('$s'); b='$b'; print(min(t, float(b)) if b else t)")
  done
  echo "$b"
}
