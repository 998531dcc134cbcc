#!/bin/sh
# Build rr_server.c and rr_client.c with the system C compiler, run them as a
# pair over loopback and print what each one wrote.
#
# usage: run_c_pair.sh [ENDPOINT [ROUNDS]]   (default tcp://127.0.0.1:5599 3)
# Exit status: 0 when both programs exit 0, 1 otherwise.
set -u

here=$(cd "$(dirname "$0")" && pwd)
endpoint=${1:-tcp://127.0.0.1:5599}
rounds=${2:-3}
CC=${CC:-cc}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/zmq-pair.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

for prog in rr_server rr_client; do
    if ! "$CC" -std=c99 -Wall -Wextra -O2 -o "$tmp/$prog" "$here/$prog.c" -lzmq; then
        echo "run_c_pair.sh: failed to compile $prog.c" >&2
        exit 1
    fi
done

"$tmp/rr_server" "$endpoint" "$rounds" >"$tmp/server.out" 2>"$tmp/server.err" &
server_pid=$!

# The REQ socket queues its request and reconnects until the server has
# bound, so no sleep is needed here.
"$tmp/rr_client" "$endpoint" "$rounds" >"$tmp/client.out" 2>"$tmp/client.err"
client_rc=$?
wait "$server_pid"
server_rc=$?

echo "== server (exit $server_rc) =="
cat "$tmp/server.out"
if [ -s "$tmp/server.err" ]; then echo "-- server stderr --"; cat "$tmp/server.err"; fi
echo "== client (exit $client_rc) =="
cat "$tmp/client.out"
if [ -s "$tmp/client.err" ]; then echo "-- client stderr --"; cat "$tmp/client.err"; fi

[ "$server_rc" -eq 0 ] && [ "$client_rc" -eq 0 ]
