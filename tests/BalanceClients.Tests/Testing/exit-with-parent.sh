#!/usr/bin/env bash
# Runs "$@" (a server the tests start: balances serve, Prometheus) so that it ends with the test process. The test process
# holds the only other end of this script's standard input, so that input ends when the test process ends, however it ends
# (crash, SIGKILL, a hang killed by the runner), and then the server is killed. Otherwise this script waits for the server and
# exits with its status. SIGTERM and SIGINT sent to this script are passed on to the server, as if sent to it: it runs as a job
# of its own (set -m), so that it does not ignore SIGINT as a background command would. exit-with-parent.cjs does the same for
# the node processes of Prism.
set -u -m
exec 3<&0 </dev/null
"$@" 3<&- &
server=$!
set +m
trap 'signalled=1; kill -s TERM "$server" 2>/dev/null' TERM
trap 'signalled=1; kill -s INT "$server" 2>/dev/null' INT
{ while read -r -u 3 _; do :; done; kill -KILL "$server" 2>/dev/null; } &
watcher=$!
exec 3<&-
# A trapped signal ends a wait early; the server's status is then what the next wait returns. A signal trapped after the wait
# that returned it makes the next one find no such child (127): the status is the one before.
status=
while :; do
  signalled=0
  wait "$server"
  waited=$?
  if [ "$waited" = 127 ] && [ -n "$status" ]; then break; fi
  status=$waited
  [ "$signalled" = 1 ] || break
done
kill "$watcher" 2>/dev/null
exit "$status"
