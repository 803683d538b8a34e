#!/usr/bin/env bash
# Runs "$@" (a server the tests start: balances serve, Prometheus) so that it ends with the test process. The test process
# holds the only other end of this script's standard input, so that input ends when the test process ends, however it ends
# (crash, SIGKILL, a hang killed by the runner), and then the server is killed. Otherwise this script waits for the server and
# exits with its status. exit-with-parent.cjs does the same for the node processes of Prism.
set -u
exec 3<&0 </dev/null
"$@" 3<&- &
server=$!
{ while read -r -u 3 _; do :; done; kill -KILL "$server" 2>/dev/null; } &
watcher=$!
exec 3<&-
wait "$server"
status=$?
kill "$watcher" 2>/dev/null
exit "$status"
