#!/usr/bin/env bash
# Faults on the servers of a running ./approval test or ./approval faults (issue 22), for the fault tests to call:
#   server-control.sh DATA postgres-restart    PostgreSQL stopped in immediate mode (as a crash: no checkpoint, every
#                                              connection cut) and started again with its settings; crash recovery runs
#   server-control.sh DATA rabbitmq-restart    the broker stopped and started (rabbitmqctl stop_app/start_app): every
#                                              connection and channel closed, durable queues and persistent messages kept
#   server-control.sh DATA vhost NAME          a virtual host of its own for a suite, the default user allowed on it
#   server-control.sh DATA queues NAME         "queue messages" for every queue of the virtual host
# DATA is the run's data folder (APPROVAL_TEST_DATA); only servers recorded there are touched.
set -euo pipefail
# shellcheck source=shared/scripts/servers.sh
source "$(dirname "${BASH_SOURCE[0]}")/servers.sh"

data=${1:?usage: server-control.sh DATA postgres-restart|rabbitmq-restart|vhost NAME|queues NAME}
case $2 in
  postgres-restart)
    pg_pid "$data" >/dev/null || die "no PostgreSQL recorded under $data"
    dir=$(<"$data/pg.dir")
    as_pg "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -m immediate -w -t 60 restart >>"$data/logs/pg_ctl.log" 2>&1 ||
      { tail -n 20 "$dir/server.log" >&2; die "PostgreSQL did not restart"; }
    head -n 1 "$dir/postmaster.pid" >"$data/pids/postgres.pid" ;;
  rabbitmq-restart)
    rmq_ctl "$data" 60 stop_app >>"$data/rabbitmq/ctl.log" 2>&1 || die "rabbitmqctl stop_app failed (see $data/rabbitmq/ctl.log)"
    rmq_ctl "$data" 120 start_app >>"$data/rabbitmq/ctl.log" 2>&1 || die "rabbitmqctl start_app failed (see $data/rabbitmq/ctl.log)" ;;
  vhost)
    rmq_ctl "$data" 60 add_vhost "${3:?vhost name}" >>"$data/rabbitmq/ctl.log" 2>&1 || true  # exists already: fine
    rmq_ctl "$data" 60 set_permissions -p "$3" guest '.*' '.*' '.*' >>"$data/rabbitmq/ctl.log" 2>&1 ||
      die "could not allow guest on vhost $3" ;;
  queues)
    rmq_ctl "$data" 60 list_queues -q --no-table-headers -p "${3:?vhost name}" name messages ;;
  *) die "unknown operation: $2" ;;
esac
