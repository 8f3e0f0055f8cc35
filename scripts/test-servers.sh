#!/usr/bin/env bash
# Runs the PostgreSQL 15 and MariaDB servers that the db/ and cli/ tests use, on loopback only,
# without systemd (CI machines and containers have no init system to ask).
#
#   scripts/test-servers.sh start    start both (no-op for one already running) and wait for them
#   scripts/test-servers.sh stop     stop both
#   scripts/test-servers.sh status   say which is running
#   scripts/test-servers.sh env      print the export lines the tests read:
#                                      eval "$(scripts/test-servers.sh env)"
#   scripts/test-servers.sh reset    stop both and delete their data (after a crash, say)
#
# Both use non-default ports and their own data folders under $TIDEMARK_TEST_SERVERS_DIR
# (default /var/tmp/tidemark-test-servers), so they never touch a system cluster or
# /var/lib/mysql. The data is throwaway: durability is turned off for speed.
# Needs root (runuser to the postgres and mysql users); re-runs itself through sudo otherwise.
# Install the servers first: scripts/install-deps.sh --test.
set -euo pipefail

BASE_DIR=${TIDEMARK_TEST_SERVERS_DIR:-/var/tmp/tidemark-test-servers}
START_TIMEOUT=60 # seconds each server gets to accept connections

DB_USER=tidemark
DB_PASSWORD=tidemark-pw
DB_NAME=tidemark_test

PG_BINDIR=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
PG_PORT=55432
PG_DIR=$BASE_DIR/pg
PG_DATA=$PG_DIR/data
PG_LOG=$PG_DIR/postgresql.log
PG_SOCKET_DIR=$PG_DIR # not /run/postgresql: nothing creates that without systemd
PG_URL=postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/$DB_NAME

MARIADB_PORT=53306
MARIADB_DIR=$BASE_DIR/mariadb
MARIADB_DATA=$MARIADB_DIR/data
MARIADB_SOCKET=$MARIADB_DIR/mysqld.sock
MARIADB_PID_FILE=$MARIADB_DIR/mariadbd.pid
MARIADB_LOG=$MARIADB_DIR/mariadb.log
MARIADB_URL=mariadb://$DB_USER:$DB_PASSWORD@127.0.0.1:$MARIADB_PORT/$DB_NAME

log() {
    echo "test-servers: $*" >&2
}

die() {
    log "ERROR: $*"
    exit 1
}

usage() {
    echo "usage: $0 start|stop|status|env|reset" >&2
    exit 2
}

# Prints the end of a server log after a failure, so CI output says why.
show_log() {
    local file=$1
    if [[ -f $file ]]; then
        log "last lines of $file:"
        tail -n 30 "$file" >&2 || true
    fi
}

# Runs a command as a system user. cd / first: runuser keeps our working directory, which the
# server users usually cannot read (initdb and psql complain about it).
as_user() {
    local user=$1
    shift
    (cd / && runuser -u "$user" -- "$@")
}

# Creates a server's folder owned by its user, mode 0700 (PostgreSQL refuses anything looser).
# Re-owns an existing one whose owner is wrong (a machine where the user's uid changed).
make_owned_dir() {
    local dir=$1 user=$2
    mkdir -p "$dir"
    if [[ $(stat -c %U "$dir") != "$user" ]]; then
        chown -R "$user:$user" "$dir"
    fi
    chmod 0700 "$dir"
}

# Serializes concurrent runs (two test.sh at once would otherwise race on initdb/start).
take_lock() {
    mkdir -p "$BASE_DIR"
    chmod 0755 "$BASE_DIR"
    exec 9>"$BASE_DIR/.lock"
    flock -w 300 9 || die "another test-servers.sh still holds $BASE_DIR/.lock after 300 s"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL

pg_running() {
    [[ -f $PG_DATA/PG_VERSION ]] && as_user postgres "$PG_BINDIR/pg_ctl" status -D "$PG_DATA" >/dev/null 2>&1
}

pg_init() {
    [[ -x $PG_BINDIR/initdb ]] ||
        die "PostgreSQL 15 is not installed ($PG_BINDIR/initdb missing); run scripts/install-deps.sh --test"
    make_owned_dir "$PG_DIR" postgres
    if [[ ! -f $PG_DATA/PG_VERSION ]]; then
        # A folder without PG_VERSION is what an interrupted initdb leaves: start over.
        rm -rf "$PG_DATA"
        log "PostgreSQL: initdb $PG_DATA"
        # peer for the local socket (our admin connection as the postgres user), passwords
        # (SCRAM) over TCP, which is how the tests connect.
        as_user postgres "$PG_BINDIR/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
            --auth-local=peer --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 ||
            { show_log "$PG_DIR/initdb.log"; die "PostgreSQL initdb failed"; }
    fi
    # Our settings live in their own file, rewritten on every start so edits here take effect;
    # postgresql.conf only gets the include line, once.
    cat >"$PG_DATA/tidemark-test.conf" <<EOF
# Written by scripts/test-servers.sh on every start; edit the script, not this file.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
# Throwaway test data: no need to survive a power cut, so skip the disk flushes.
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    chown postgres:postgres "$PG_DATA/tidemark-test.conf"
    if ! grep -q "^include_if_exists = 'tidemark-test.conf'" "$PG_DATA/postgresql.conf"; then
        echo "include_if_exists = 'tidemark-test.conf'" >>"$PG_DATA/postgresql.conf"
    fi
}

# Idempotent: the role gets its password and rights back even if someone changed them.
pg_provision() {
    as_user postgres "$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" \
        -U postgres -d postgres >/dev/null <<EOF
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
        CREATE ROLE $DB_USER;
    END IF;
END
\$\$;
ALTER ROLE $DB_USER WITH LOGIN CREATEDB SUPERUSER PASSWORD '$DB_PASSWORD';
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME') \gexec
EOF
}

# Succeeds when the tests' own URL works: TCP, password, database.
pg_check_login() {
    PGCONNECT_TIMEOUT=5 "$PG_BINDIR/psql" -X -w -q -tA "$PG_URL" -c 'SELECT 1' >/dev/null 2>&1
}

pg_start() {
    pg_init
    if pg_running; then
        log "PostgreSQL: already running on 127.0.0.1:$PG_PORT"
    else
        log "PostgreSQL: starting on 127.0.0.1:$PG_PORT"
        # -w -t: pg_ctl itself waits until the server accepts connections. The postmaster
        # detaches (own session, output to the log), so it outlives this script.
        # 9>&-: the server must not inherit the lock, or it would hold it for its whole life.
        as_user postgres "$PG_BINDIR/pg_ctl" start -D "$PG_DATA" -l "$PG_LOG" -w -t "$START_TIMEOUT" -s 9>&- ||
            { show_log "$PG_LOG"; die "PostgreSQL did not start within ${START_TIMEOUT}s"; }
    fi
    local waited=0
    until "$PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; do
        if ((waited >= START_TIMEOUT)); then
            show_log "$PG_LOG"
            die "PostgreSQL does not accept TCP connections on 127.0.0.1:$PG_PORT after ${START_TIMEOUT}s" \
                "(a stale server? try: $0 reset)"
        fi
        sleep 1
        waited=$((waited + 1))
    done
    pg_provision || { show_log "$PG_LOG"; die "PostgreSQL: creating role $DB_USER / database $DB_NAME failed"; }
    pg_check_login || die "PostgreSQL: cannot log in as $DB_USER over TCP at 127.0.0.1:$PG_PORT"
    log "PostgreSQL: ready"
}

pg_stop() {
    if pg_running; then
        log "PostgreSQL: stopping"
        as_user postgres "$PG_BINDIR/pg_ctl" stop -D "$PG_DATA" -m fast -w -t "$START_TIMEOUT" -s ||
            die "PostgreSQL did not stop"
    else
        log "PostgreSQL: not running"
    fi
}

# ---------------------------------------------------------------------------------------------
# MariaDB
#
# Every client and server call uses --no-defaults: /etc/mysql/ is the system server's
# configuration (socket, datadir, pid file under /run/mysqld, which does not exist here).

mariadb_admin() {
    mariadb-admin --no-defaults --socket="$MARIADB_SOCKET" -u root "$@"
}

# True when a server answers on our socket (ping succeeds even before users are set up).
mariadb_running() {
    [[ -S $MARIADB_SOCKET ]] && mariadb_admin --connect-timeout=2 ping >/dev/null 2>&1
}

mariadb_init() {
    command -v mariadbd >/dev/null 2>&1 || [[ -x /usr/sbin/mariadbd ]] ||
        die "MariaDB is not installed (mariadbd missing); run scripts/install-deps.sh --test"
    make_owned_dir "$MARIADB_DIR" mysql
    if [[ ! -d $MARIADB_DATA/mysql ]]; then
        # No system tables: nothing or an interrupted install. Start over.
        rm -rf "$MARIADB_DATA"
        log "MariaDB: mariadb-install-db $MARIADB_DATA"
        # root logs in through the socket as the Unix root user: no password to keep.
        mariadb-install-db --no-defaults --user=mysql --datadir="$MARIADB_DATA" \
            --auth-root-authentication-method=socket --skip-test-db >"$MARIADB_DIR/install-db.log" 2>&1 ||
            { show_log "$MARIADB_DIR/install-db.log"; die "mariadb-install-db failed"; }
    fi
}

mariadb_provision() {
    # Both hosts: 127.0.0.1 is what TCP clients are (with skip-name-resolve), localhost is
    # what socket clients are.
    local host sql=""
    for host in 127.0.0.1 localhost; do
        sql+="CREATE USER IF NOT EXISTS '$DB_USER'@'$host' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER '$DB_USER'@'$host' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'$host' WITH GRANT OPTION;
"
    done
    sql+="CREATE DATABASE IF NOT EXISTS $DB_NAME;"
    mariadb --no-defaults --socket="$MARIADB_SOCKET" -u root <<<"$sql"
}

mariadb_check_login() {
    MYSQL_PWD=$DB_PASSWORD mariadb --no-defaults --protocol=TCP -h 127.0.0.1 -P "$MARIADB_PORT" \
        --connect-timeout=5 -u "$DB_USER" -e 'SELECT 1' "$DB_NAME" >/dev/null 2>&1
}

mariadb_start() {
    mariadb_init
    if mariadb_running; then
        log "MariaDB: already running on 127.0.0.1:$MARIADB_PORT"
    else
        log "MariaDB: starting on 127.0.0.1:$MARIADB_PORT"
        local server
        server=$(command -v mariadbd || echo /usr/sbin/mariadbd)
        rm -f "$MARIADB_SOCKET" # a socket left by a crash would fool the readiness check
        # setsid: own session, so the server survives this script and CI's shell; all three
        # standard streams redirected so no caller waits on a pipe the server still holds, and
        # the lock (fd 9) closed so the server does not hold it for its whole life.
        # utf8mb4 as Debian's own configuration sets it (--no-defaults skips that file).
        # innodb-flush-log-at-trx-commit=2: throwaway data, skip a flush per commit.
        setsid "$server" --no-defaults --user=mysql \
            --datadir="$MARIADB_DATA" --socket="$MARIADB_SOCKET" --pid-file="$MARIADB_PID_FILE" \
            --bind-address=127.0.0.1 --port="$MARIADB_PORT" --skip-name-resolve \
            --log-error="$MARIADB_LOG" \
            --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
            --innodb-flush-log-at-trx-commit=2 \
            </dev/null >>"$MARIADB_LOG" 2>&1 9>&- &
        local pid=$! waited=0
        until mariadb_running; do
            if ! kill -0 "$pid" 2>/dev/null; then
                show_log "$MARIADB_LOG"
                die "MariaDB exited during startup"
            fi
            if ((waited >= START_TIMEOUT)); then
                show_log "$MARIADB_LOG"
                die "MariaDB does not accept connections after ${START_TIMEOUT}s"
            fi
            sleep 1
            waited=$((waited + 1))
        done
    fi
    mariadb_provision || { show_log "$MARIADB_LOG"; die "MariaDB: creating user $DB_USER / database $DB_NAME failed"; }
    mariadb_check_login ||
        die "MariaDB: cannot log in as $DB_USER over TCP at 127.0.0.1:$MARIADB_PORT (port taken by another server?)"
    log "MariaDB: ready"
}

mariadb_stop() {
    if ! mariadb_running; then
        log "MariaDB: not running"
        return 0
    fi
    log "MariaDB: stopping"
    local pid=""
    [[ -f $MARIADB_PID_FILE ]] && pid=$(<"$MARIADB_PID_FILE")
    mariadb_admin shutdown || true
    # shutdown returns once the server has begun stopping; wait for the process to be gone so
    # a following start does not find the port or the InnoDB files still in use.
    local waited=0
    while [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; do
        if ((waited >= START_TIMEOUT)); then
            log "MariaDB: still running after ${START_TIMEOUT}s, sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
            break
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

# ---------------------------------------------------------------------------------------------

print_env() {
    echo "export TIDEMARK_TEST_PG_URL='$PG_URL'"
    echo "export TIDEMARK_TEST_MARIADB_URL='$MARIADB_URL'"
}

print_status() {
    local rc=0
    if pg_running; then
        echo "PostgreSQL: running on 127.0.0.1:$PG_PORT ($PG_DATA)"
    else
        echo "PostgreSQL: stopped"
        rc=1
    fi
    if mariadb_running; then
        echo "MariaDB: running on 127.0.0.1:$MARIADB_PORT ($MARIADB_DATA)"
    else
        echo "MariaDB: stopped"
        rc=1
    fi
    return "$rc"
}

# Server management needs root (runuser, chown); re-run through sudo when we are not.
ensure_root() {
    [[ $(id -u) -eq 0 ]] && return 0
    command -v sudo >/dev/null 2>&1 || die "must run as root (sudo is not installed)"
    exec sudo -- env "TIDEMARK_TEST_SERVERS_DIR=$BASE_DIR" "PG_BINDIR=$PG_BINDIR" bash "$0" "$@"
}

main() {
    (($# == 1)) || usage
    case $1 in
        env)
            print_env
            ;;
        start)
            ensure_root "$@"
            take_lock
            pg_start
            mariadb_start
            ;;
        stop)
            ensure_root "$@"
            take_lock
            pg_stop
            mariadb_stop
            ;;
        status)
            ensure_root "$@"
            print_status
            ;;
        reset)
            ensure_root "$@"
            take_lock
            pg_stop
            mariadb_stop
            log "deleting $PG_DIR and $MARIADB_DIR"
            rm -rf "$PG_DIR" "$MARIADB_DIR"
            ;;
        *)
            usage
            ;;
    esac
}

main "$@"
