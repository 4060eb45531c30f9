# shellcheck shell=bash
# Local PostgreSQL 15 and RabbitMQ 3.10 as plain processes (no container engine here; see
# shared/STACK.md "Servers without Docker"). Sourced by ./approval.
#
# One instance = one data folder DATA, which holds everything needed to stop it later, even
# from another process (./approval down):
#   DATA/pids/*.pid      PIDs of what we started (postgres, rabbitmq, rabbitmq-beam, epmd)
#   DATA/pg.dir          where PostgreSQL's cluster lives (DATA/postgres, or a /tmp fallback)
#   DATA/rabbitmq/       RabbitMQ's config, state, logs and rmq.env (its full environment)
#   DATA/logs/           start-up output
# Every server listens on 127.0.0.1 only. We stop only processes we started, by recorded PID.

PG_BIN=/usr/lib/postgresql/15/bin
RMQ_BIN=/usr/lib/rabbitmq/bin

say()  { printf '%s\n' "$*"; }
warn() { printf 'approval: %s\n' "$*" >&2; }
die()  { warn "$*"; exit 1; }

# Seconds (one decimal) since a saved $EPOCHREALTIME.
elapsed() {
  local now=${EPOCHREALTIME//[.,]/} start=${1//[.,]/}
  local us=$((now - start))
  printf '%d.%d' $((us / 1000000)) $((us / 100000 % 10))
}

# ---------------------------------------------------------------------------------------------
# Dependencies

# Installs Debian packages (as root), with the log's tail on failure.
apt_install() {  # PACKAGE...
  [[ $(id -u) == 0 ]] || die "missing packages ($*): install them as root"
  say "Installing $*..."
  local log
  log=$(mktemp /tmp/approval-apt.XXXXXX)
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    rm -f "$log"
    die "apt-get install $* failed"
  fi
  rm -f "$log"
}

# Installs with apt-get only what is missing; `apt-get update` only if something is.
ensure_deps() {
  local missing=()
  [[ -x $RMQ_BIN/rabbitmq-server ]] || missing+=(rabbitmq-server)
  [[ -x $PG_BIN/postgres ]] || missing+=(postgresql-15)
  dpkg -s postgresql-contrib >/dev/null 2>&1 || missing+=(postgresql-contrib)  # pgbench
  command -v curl >/dev/null || missing+=(curl)
  command -v ss >/dev/null || missing+=(iproute2)  # free-port and listener checks
  command -v ps >/dev/null || missing+=(procps)    # PID checks
  [[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]] || missing+=(fonts-wqy-zenhei)  # CJK font of licence PDFs
  command -v zbarimg >/dev/null || missing+=(zbar-tools)      # tests decode the licence QR code
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)  # tests render licence PDF pages and read their text (pdftotext)
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)           # browser tests of the portal (Playwright)
  ((${#missing[@]} == 0)) || apt_install "${missing[@]}"
  command -v dotnet >/dev/null ||
    die "the .NET 10 SDK is needed (dotnet not found on PATH); install it and run again"
}

# ---------------------------------------------------------------------------------------------
# Processes and ports

# PID is running (zombies do not count: PID 1 here reaps late) and, if PATTERN is given, its
# command line contains PATTERN (guards against a PID reused by an unrelated process).
pid_alive() {
  local pid=$1 pattern=${2:-} stat
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  stat=$(ps -o stat= -p "$pid" 2>/dev/null) || return 1
  [[ $stat != Z* ]] || return 1
  [[ -z $pattern ]] || ps -o args= -p "$pid" 2>/dev/null | grep -qF -- "$pattern"
}

# Prints the PID on the first line of FILE if that process still runs and matches PATTERN.
recorded_pid() {
  local file=$1 pattern=$2 pid=""
  [[ -s $file ]] || return 1
  read -r pid <"$file" || true
  pid_alive "$pid" "$pattern" || return 1
  printf '%s\n' "$pid"
}

# Waits up to SECONDS for PID to exit.
wait_gone() {
  local pid=$1 deadline=$((SECONDS + $2))
  while pid_alive "$pid"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

# Sends SIGNAL to PID, waits up to GRACE seconds, then SIGKILL.
stop_pid() {
  local pid=$1 signal=$2 grace=$3
  pid_alive "$pid" || return 0
  kill "-$signal" "$pid" 2>/dev/null || true
  wait_gone "$pid" "$grace" && return 0
  warn "PID $pid ($(ps -o comm= -p "$pid")) still runs ${grace}s after SIG$signal: killing it"
  kill -KILL "$pid" 2>/dev/null || true
  wait_gone "$pid" 10
}

# Waits up to SECONDS until PID itself listens on 127.0.0.1:PORT (not merely someone on it).
wait_listening() {
  local pid=$1 port=$2 deadline=$((SECONDS + $3))
  until ss -Hltnp "sport = :$port" 2>/dev/null | grep -q "pid=$pid,"; do
    pid_alive "$pid" && ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

port_free() { [[ -z $(ss -Hltn "sport = :$1" 2>/dev/null) ]]; }

# Prints N distinct free TCP ports, one per line, chosen at random in 20000-60000 but below the
# kernel's ephemeral range when possible (so an outgoing connection cannot take one before the
# server binds it).
pick_free_ports() {
  local n=$1 lo=20000 hi=60000 eph_lo _ p tries=0 picked=" "
  if read -r eph_lo _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null && ((eph_lo - 1000 > lo)); then
    hi=$((eph_lo - 1 < hi ? eph_lo - 1 : hi))
  fi
  while ((n > 0)); do
    ((++tries < 1000)) || { warn "no free ports found in $lo-$hi"; return 1; }
    p=$((lo + (RANDOM * 32768 + RANDOM) % (hi - lo + 1)))
    if [[ $picked == *" $p "* ]] || ! port_free "$p"; then continue; fi
    picked+="$p "
    printf '%s\n' "$p"
    n=$((n - 1))
  done
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL 15

# initdb refuses root: as root, run PostgreSQL's tools as the postgres user.
as_pg() {
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Chooses (once; recorded in DATA/pg.dir) and prepares the cluster folder. The postgres user must
# reach it through every parent (a root-owned checkout may not let it), the unix socket path
# (-k DIR) must stay under the kernel's 107-byte limit, and pg_ctl -o splits on spaces: if
# DATA/postgres fails any of that, use a private folder in /tmp instead.
pg_prepare_dir() {
  local data=$1 dir=""
  [[ -s $data/pg.dir ]] && dir=$(<"$data/pg.dir")
  if [[ -z $dir ]]; then
    dir=$data/postgres
    if ! as_pg test -x "$data" || ((${#dir} > 80)) || [[ ! $dir =~ ^[A-Za-z0-9_./-]+$ ]]; then
      dir=$(mktemp -d /tmp/approval-pg.XXXXXX)
    fi
    printf '%s\n' "$dir" >"$data/pg.dir"
  fi
  mkdir -p "$dir"
  [[ $(id -u) != 0 ]] || chown postgres:postgres "$dir"
  chmod 700 "$dir"
  printf '%s\n' "$dir"
}

# The running postmaster of DATA's cluster, if any. Its command line names the cluster folder.
pg_pid() {
  local data=$1 dir
  [[ -s $data/pg.dir ]] || return 1
  dir=$(<"$data/pg.dir")
  recorded_pid "$data/pids/postgres.pid" "-D $dir " || recorded_pid "$dir/postmaster.pid" "-D $dir "
}

# pg_start DATA PORT [SETTING=VALUE...]: initdb if the cluster is new, then start it. Extra
# settings become `-c SETTING=VALUE` (the test run passes fsync=off and friends).
pg_start() {
  local data=$1 port=$2 t0=$EPOCHREALTIME dir opts setting
  shift 2
  mkdir -p "$data/pids" "$data/logs"
  dir=$(pg_prepare_dir "$data") || return 1
  if [[ ! -s $dir/PG_VERSION ]]; then
    if ! as_pg "$PG_BIN/initdb" -D "$dir" -U postgres -A trust -E UTF8 --no-locale \
      >"$data/logs/initdb.log" 2>&1; then
      tail -n 40 "$data/logs/initdb.log" >&2
      warn "initdb failed (log above: $data/logs/initdb.log)"
      return 1
    fi
  fi
  opts="-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=300"
  for setting in "$@"; do opts+=" -c $setting"; done
  if ! as_pg "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 30 -o "$opts" start \
    >"$data/logs/pg_ctl.log" 2>&1; then
    tail -n 40 "$dir/server.log" >&2 2>/dev/null || cat "$data/logs/pg_ctl.log" >&2
    warn "PostgreSQL did not start on 127.0.0.1:$port (log above: $dir/server.log)"
    return 1
  fi
  head -n 1 "$dir/postmaster.pid" >"$data/pids/postgres.pid"
  say "PostgreSQL ready on 127.0.0.1:$port ($(elapsed "$t0") s)"
}

pg_stop() {
  local data=$1 dir pid
  if pid=$(pg_pid "$data"); then
    dir=$(<"$data/pg.dir")
    as_pg "$PG_BIN/pg_ctl" -D "$dir" -m fast -w -t 60 stop >>"$data/logs/pg_ctl.log" 2>&1 ||
      warn "pg_ctl stop failed (see $data/logs/pg_ctl.log): terminating PID $pid"
    stop_pid "$pid" TERM 30
  fi
  rm -f "$data/pids/postgres.pid"
}

# ---------------------------------------------------------------------------------------------
# RabbitMQ 3.10

# The environment of one RabbitMQ instance. The same HOME (Erlang cookie), node name and epmd
# port must be used by rabbitmqctl, so it is written to a file that rmq_ctl sources.
rmq_write_env() {
  local data=$1 amqp=$2 dist=$3 epmd_port=$4 node=$5 d=$1/rabbitmq
  local -A env=(
    [HOME]=$d
    [RABBITMQ_NODENAME]=$node
    [RABBITMQ_NODE_IP_ADDRESS]=127.0.0.1
    [RABBITMQ_NODE_PORT]=$amqp
    [RABBITMQ_DIST_PORT]=$dist
    [ERL_EPMD_PORT]=$epmd_port
    [ERL_EPMD_ADDRESS]=127.0.0.1
    [RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS]="-kernel inet_dist_use_interface {127,0,0,1}"
    [RABBITMQ_CTL_ERL_ARGS]="-kernel inet_dist_use_interface {127,0,0,1}"  # rabbitmqctl listens too
    [RABBITMQ_MNESIA_BASE]=$d/mnesia
    [RABBITMQ_LOG_BASE]=$d/log
    [RABBITMQ_ENABLED_PLUGINS_FILE]=$d/enabled_plugins
    [RABBITMQ_CONFIG_FILE]=$d/rabbitmq
    [RABBITMQ_PID_FILE]=$data/pids/rabbitmq-beam.pid  # the Erlang VM writes its own PID here
    [RABBITMQ_CONF_ENV_FILE]=/dev/null  # ignore /etc/rabbitmq/rabbitmq-env.conf
  )
  local k
  for k in "${!env[@]}"; do printf 'export %s=%q\n' "$k" "${env[$k]}"; done >"$d/rmq.env"
}

# rmq_ctl DATA SECONDS ARGS...: rabbitmqctl against DATA's instance, killed after SECONDS.
rmq_ctl() {
  local data=$1 secs=$2
  shift 2
  (
    # shellcheck disable=SC1091
    . "$data/rabbitmq/rmq.env"
    exec timeout "$secs" "$RMQ_BIN/rabbitmqctl" "$@"
  )
}

# rmq_var DATA NAME: a variable of the instance's environment (e.g. ERL_EPMD_PORT).
rmq_var() {
  (
    # shellcheck disable=SC1091
    . "$1/rabbitmq/rmq.env" && printf '%s\n' "${!2}"
  )
}

# Waits until the node answers `rabbitmqctl await_startup`, or its process dies, or SECONDS pass.
# await_startup fails at once while the node is not yet registered with epmd, so wait for that
# registration first (cheap: `epmd -names` starts no Erlang VM).
rmq_await() {
  local data=$1 pid=$2 deadline=$((SECONDS + $3)) epmd_port short node
  epmd_port=$(rmq_var "$data" ERL_EPMD_PORT)
  node=$(rmq_var "$data" RABBITMQ_NODENAME)
  short=${node%@*}
  until epmd -port "$epmd_port" -names 2>/dev/null | grep -q "^name $short at port"; do
    pid_alive "$pid" && ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
  ((SECONDS < deadline)) || return 1
  rmq_ctl "$data" $((deadline - SECONDS + 1)) await_startup >>"$data/rabbitmq/ctl.log" 2>&1 &&
    pid_alive "$pid"
}

rmq_log_tail() {
  local d=$1/rabbitmq f
  for f in "$d"/log/*.log "$d/server.out" "$d/epmd.log" "$d/ctl.log"; do
    [[ -s $f ]] || continue
    printf -- '--- last 40 lines of %s\n' "$f" >&2
    tail -n 40 "$f" >&2
  done
}

# rmq_start DATA AMQP_PORT DIST_PORT EPMD_PORT NODE_NAME
rmq_start() {
  local data=$1 amqp=$2 dist=$3 epmd_port=$4 node=$5 d=$1/rabbitmq t0=$EPOCHREALTIME pid
  mkdir -p "$d" "$data/pids" "$data/logs"
  echo '[].' >"$d/enabled_plugins"  # no plugins: faster boot, nothing else listening
  printf 'listeners.tcp.default = 127.0.0.1:%s\nloopback_users = none\n' "$amqp" >"$d/rabbitmq.conf"
  rmq_write_env "$data" "$amqp" "$dist" "$epmd_port" "$node"
  # Our own cookie before anything Erlang starts, so server and CLI never race to create it.
  if [[ ! -s $d/.erlang.cookie ]]; then
    od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$d/.erlang.cookie"
    chmod 400 "$d/.erlang.cookie"
  fi

  # Our own epmd on our own port, started by us so that we know its PID: an instance never
  # shares (or kills) the epmd of another instance or of anything else on the machine.
  (
    # shellcheck disable=SC1091
    . "$d/rmq.env"
    exec nohup epmd -port "$epmd_port" -address 127.0.0.1
  ) </dev/null >"$d/epmd.log" 2>&1 &
  pid=$!
  echo "$pid" >"$data/pids/epmd.pid"
  if ! wait_listening "$pid" "$epmd_port" 15; then
    rmq_log_tail "$data"
    warn "epmd did not start on 127.0.0.1:$epmd_port"
    return 1
  fi

  # The real server script, not the /usr/sbin wrapper (which switches to the rabbitmq user).
  (
    # shellcheck disable=SC1091
    . "$d/rmq.env"
    exec nohup "$RMQ_BIN/rabbitmq-server"
  ) </dev/null >"$d/server.out" 2>&1 &
  pid=$!
  echo "$pid" >"$data/pids/rabbitmq.pid"
  if ! rmq_await "$data" "$pid" 180; then  # generous: a loaded machine boots Erlang slowly
    rmq_log_tail "$data"
    warn "RabbitMQ did not start on 127.0.0.1:$amqp (logs above, in $d)"
    return 1
  fi
  say "RabbitMQ ready on 127.0.0.1:$amqp ($(elapsed "$t0") s)"
}

rmq_stop() {
  local data=$1 d=$1/rabbitmq epmd_port wrapper="" beam="" epmd_pid=""
  [[ -s $d/rmq.env ]] || return 0
  epmd_port=$(rmq_var "$data" ERL_EPMD_PORT)
  wrapper=$(recorded_pid "$data/pids/rabbitmq.pid" rabbitmq-server) || wrapper=""
  beam=$(recorded_pid "$data/pids/rabbitmq-beam.pid" beam) || beam=""
  epmd_pid=$(recorded_pid "$data/pids/epmd.pid" "epmd -port $epmd_port") || epmd_pid=""
  # A clean shutdown first. Only while our epmd runs: rabbitmqctl would otherwise start a
  # stray epmd of its own on our port (RabbitMQ starts one whenever none answers).
  if [[ -n $wrapper$beam && -n $epmd_pid ]]; then
    rmq_ctl "$data" 60 shutdown >>"$d/ctl.log" 2>&1 ||
      warn "rabbitmqctl shutdown failed (see $d/ctl.log): terminating by PID"
  fi
  [[ -z $wrapper ]] || stop_pid "$wrapper" TERM 30  # its TERM handler stops the VM
  [[ -z $beam ]] || stop_pid "$beam" TERM 30
  if [[ -n $epmd_pid ]]; then
    epmd -port "$epmd_port" -kill >/dev/null 2>&1 || true
    stop_pid "$epmd_pid" TERM 10
  fi
  rm -f "$data/pids/rabbitmq.pid" "$data/pids/rabbitmq-beam.pid" "$data/pids/epmd.pid"
}

# ---------------------------------------------------------------------------------------------
# Both servers

# servers_start DATA PG_PORT AMQP_PORT DIST_PORT EPMD_PORT NODE_NAME [PG SETTING=VALUE...]
# Starts both in parallel (RabbitMQ takes ~10 s, PostgreSQL ~1 s) and waits for both. Prints
# one "ready" line each, or the failure with the relevant log tail.
servers_start() {
  local data=$1 pg_port=$2 amqp=$3 dist=$4 epmd_port=$5 node=$6 pg_job rmq_job pg_rc=0 rmq_rc=0
  shift 6
  mkdir -p "$data/pids" "$data/logs"
  pg_start "$data" "$pg_port" "$@" >"$data/logs/pg-start.out" 2>&1 &
  pg_job=$!
  rmq_start "$data" "$amqp" "$dist" "$epmd_port" "$node" >"$data/logs/rmq-start.out" 2>&1 &
  rmq_job=$!
  wait "$pg_job" || pg_rc=$?
  wait "$rmq_job" || rmq_rc=$?
  if ((pg_rc || rmq_rc)); then
    cat "$data/logs/pg-start.out" "$data/logs/rmq-start.out" >&2
    return 1
  fi
  cat "$data/logs/pg-start.out" "$data/logs/rmq-start.out"
}

# True if any server recorded under DATA still runs.
servers_running() {
  local data=$1 epmd_port=""
  [[ -s $data/rabbitmq/rmq.env ]] && epmd_port=$(rmq_var "$data" ERL_EPMD_PORT)
  pg_pid "$data" >/dev/null ||
    recorded_pid "$data/pids/rabbitmq.pid" rabbitmq-server >/dev/null ||
    recorded_pid "$data/pids/rabbitmq-beam.pid" beam >/dev/null ||
    { [[ -n $epmd_port ]] && recorded_pid "$data/pids/epmd.pid" "epmd -port $epmd_port" >/dev/null; }
}

# Stops what DATA records (quiet when nothing runs): RabbitMQ first (its clients are gone by
# then), then PostgreSQL.
servers_stop() {
  [[ -d $1 ]] || return 0
  mkdir -p "$1/logs"
  rmq_stop "$1"
  pg_stop "$1"
}

# Removes DATA and the /tmp cluster folder it may point to. Call after servers_stop.
servers_purge() {
  local data=$1 dir=""
  [[ -s $data/pg.dir ]] && dir=$(<"$data/pg.dir")
  [[ $dir == /tmp/approval-pg.* ]] && rm -rf -- "$dir"
  rm -rf -- "$data"
}
