#!/usr/bin/env bash
# A real, multi-process Trino cluster on this machine, the seeds' platform in small: PostgreSQL
# holding the Iceberg JDBC catalog, S3Proxy serving an S3 API on the local disk (as MinIO would),
# a Trino coordinator and a Trino worker as two JVMs, plus a `memory` catalog that stores SQL
# routines (vault's identity functions). Everything listens on 127.0.0.1 only and lives under
# VAULT_CLUSTER_DIR (default target/cluster of this checkout). No Docker: Trino's jars come from
# Maven Central through mvn, PostgreSQL from Debian's packages. See docs/cluster.md.
#
#   scripts/cluster/cluster.sh assemble        lay out Trino VAULT_CLUSTER_TRINO_VERSION (lib/, plugin/<name>/)
#   scripts/cluster/cluster.sh start           assemble if needed, start whatever is not running, wait for 2 active nodes
#   scripts/cluster/cluster.sh stop            stop everything, keeping the data
#   scripts/cluster/cluster.sh wipe            stop and delete the data (catalog, objects, logs), keeping the assembled Trino
#   scripts/cluster/cluster.sh kill NAME       kill -9 one part: worker, coordinator, s3proxy, postgres (immediate shutdown)
#   scripts/cluster/cluster.sh restart NAME    stop (if up) and start one part again, and wait until it serves
#   scripts/cluster/cluster.sh status          what runs, with its pid
#   scripts/cluster/cluster.sh sql 'QUERY'     run a query with the Trino CLI
# Every command is idempotent: start on a running cluster, or stop on a stopped one, does nothing.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CLUSTER_DIR=${VAULT_CLUSTER_DIR:-$repo/target/cluster}
TRINO_VERSION=${VAULT_CLUSTER_TRINO_VERSION:-483}
# trino-cli 477+ is on GitHub releases only; 476 talks to 483 servers fine
CLI_VERSION=${VAULT_CLUSTER_CLI_VERSION:-476}
S3PROXY_VERSION=${VAULT_CLUSTER_S3PROXY_VERSION:-4.1.0}
TRINO_PORT=${VAULT_CLUSTER_TRINO_PORT:-8080}   # the `local` target of vault.yml points at 8080
WORKER_PORT=${VAULT_CLUSTER_WORKER_PORT:-$((TRINO_PORT + 1))}
PG_PORT=${VAULT_CLUSTER_PG_PORT:-5433}         # not 5432: leave a system PostgreSQL alone
S3_PORT=${VAULT_CLUSTER_S3_PORT:-9000}
COORDINATOR_HEAP=${VAULT_CLUSTER_COORDINATOR_HEAP:-3G}
WORKER_HEAP=${VAULT_CLUSTER_WORKER_HEAP:-3G}
START_TIMEOUT=${VAULT_CLUSTER_START_TIMEOUT:-300}
BUCKET=warehouse

log() { printf '[cluster %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# shellcheck source=../jdk.sh
. "$repo/scripts/jdk.sh"
JAVA="$JAVA_HOME/bin/java"

DIST="$CLUSTER_DIR/trino-$TRINO_VERSION"
DL="$CLUSTER_DIR/downloads"
LOGS="$CLUSTER_DIR/logs"
PIDS="$CLUSTER_DIR/pids"
NODES="$CLUSTER_DIR/nodes"
S3_DIR="$CLUSTER_DIR/s3"
CLI_JAR="$DL/trino-cli-$CLI_VERSION-executable.jar"
S3_JAR="$DL/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar"

detached() { # detached LOG COMMAND...: COMMAND in the background, output to LOG, holding none of this
    # shell's descriptors beyond 0-2: a lock its caller holds (/work/bin/heavy's, say) must not
    # live on in a server that outlives the caller
    local log=$1; shift
    (
        for fd in $(ls /proc/$BASHPID/fd); do
            if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
        done
        exec nohup "$@" >>"$log" 2>&1 </dev/null
    ) &
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
alive() { [ -f "$PIDS/$1.pid" ] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

# --- assemble: Trino's server layout from Maven Central's jars ---

fetch() { # fetch GROUP:ARTIFACT:VERSION[:TYPE[:CLASSIFIER]]: one file into downloads/
    mkdir -p "$DL" "$LOGS"
    mvn -B -q dependency:copy -Dartifact="$1" -DoutputDirectory="$DL" >"$LOGS/mvn-fetch.log" 2>&1 \
        || die "cannot fetch $1 from Maven Central; see $LOGS/mvn-fetch.log"
}

# what a plugin declares `provided`: the server's lib/ has them, so a plugin folder must not
PROVIDED=trino-spi,slice,jackson-annotations,opentelemetry-api,opentelemetry-api-incubator,opentelemetry-common,opentelemetry-context,jts-core

copy_runtime() { # copy_runtime ARTIFACT DIR [PLUGIN_CLASS]: ARTIFACT and its runtime dependencies into DIR
    local artifact=$1 dir=$2 plugin_class=${3:-} work="$CLUSTER_DIR/assemble/$1"
    mkdir -p "$work" "$LOGS"
    cat >"$work/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.vault.cluster</groupId>
  <artifactId>$artifact-layout</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>io.trino</groupId><artifactId>$artifact</artifactId><version>$TRINO_VERSION</version></dependency>
  </dependencies>
</project>
EOF
    mvn -B -q -f "$work/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$dir" \
        ${plugin_class:+-DexcludeArtifactIds=$PROVIDED} >"$LOGS/mvn-$artifact.log" 2>&1 \
        || die "cannot resolve io.trino:$artifact:$TRINO_VERSION from Maven Central; see $LOGS/mvn-$artifact.log" \
            "(Central lacks some releases' plugins: as of 2026-12-02 trino-iceberg is missing for 477, 478 and 481," \
            "trino-memory for 477 to 482; 476 and 483 have every jar this needs)"
    if [ -n "$plugin_class" ]; then
        # Trino finds a plugin through META-INF/services/io.trino.spi.Plugin, which the build of the
        # plugin zip writes into a separate services jar; the jar on Maven Central has none
        mkdir -p "$work/services/META-INF/services"
        echo "$plugin_class" >"$work/services/META-INF/services/io.trino.spi.Plugin"
        "$JAVA_HOME/bin/jar" cf "$dir/$artifact-$TRINO_VERSION-services.jar" -C "$work/services" .
    fi
}

assemble() {
    if [ ! -f "$DIST/.complete" ]; then
        command -v mvn >/dev/null || die "mvn is needed to fetch Trino's jars from Maven Central"
        log "assembling Trino $TRINO_VERSION from Maven Central's jars into $DIST (first time: ~500 MB download)"
        rm -rf "$DIST"
        copy_runtime trino-main "$DIST/lib"
        copy_runtime trino-iceberg "$DIST/plugin/iceberg" io.trino.plugin.iceberg.IcebergPlugin
        copy_runtime trino-memory "$DIST/plugin/memory" io.trino.plugin.memory.MemoryPlugin
        local classes="$CLUSTER_DIR/assemble/classes"
        rm -rf "$classes" && mkdir -p "$classes"
        "$JAVA_HOME/bin/javac" -cp "$DIST/lib/*" -d "$classes" "$repo/scripts/cluster/TrinoNode.java"
        "$JAVA_HOME/bin/jar" cf "$DIST/lib/vault-cluster-node.jar" -C "$classes" .
        touch "$DIST/.complete"
    fi
    [ -f "$CLI_JAR" ] || fetch "io.trino:trino-cli:$CLI_VERSION:jar:executable"
    [ -f "$S3_JAR" ] || fetch "org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies"
    log "Trino $TRINO_VERSION assembled in $DIST"
}

# --- PostgreSQL: the Iceberg JDBC catalog ---

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_dir() {
    # as root, the server runs as the user postgres, which must reach its data folder: a checkout
    # under /root is out of its reach, so the data then lives in /tmp, named after this cluster
    local dir="$CLUSTER_DIR/pg"
    if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$CLUSTER_DIR" 2>/dev/null; then
        dir="/tmp/vault-cluster-pg-$(printf '%s' "$CLUSTER_DIR" | cksum | cut -d' ' -f1)"
    fi
    echo "$dir"
}

pg_start() {
    local bin; bin=$(pg_bin)
    [ -n "$bin" ] && [ -x "$bin/initdb" ] || die "PostgreSQL is not installed: apt-get install postgresql (.ci/run does)"
    local dir; dir=$(pg_dir)
    mkdir -p "$dir" "$LOGS"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_postgres "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 >"$LOGS/initdb.log" 2>&1 \
            || die "initdb failed; see $LOGS/initdb.log"
    fi
    if as_postgres "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        log "PostgreSQL already running"
    else
        port_open "$PG_PORT" && die "port $PG_PORT is taken: set VAULT_CLUSTER_PG_PORT"
        as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
            -o "-p $PG_PORT -k $dir -c listen_addresses=127.0.0.1" start >/dev/null \
            || die "PostgreSQL did not start; see $dir/postgres.log"
    fi
    psql_catalog() { PGOPTIONS=--client-min-messages=warning as_postgres "$bin/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }
    if ! psql_catalog -d postgres -tAc "select 1 from pg_database where datname = 'iceberg_catalog'" | grep -q 1; then
        psql_catalog -d postgres -c "CREATE DATABASE iceberg_catalog" >/dev/null
    fi
    # Trino's JDBC catalog never creates its tables (it runs Iceberg's JdbcCatalog with
    # jdbc.init-catalog-tables=false): this is Iceberg's own DDL, schema version V1
    psql_catalog -d iceberg_catalog >/dev/null <<'EOF'
CREATE TABLE IF NOT EXISTS iceberg_tables (
    catalog_name VARCHAR(255) NOT NULL,
    table_namespace VARCHAR(255) NOT NULL,
    table_name VARCHAR(255) NOT NULL,
    metadata_location VARCHAR(1000),
    previous_metadata_location VARCHAR(1000),
    iceberg_type VARCHAR(5),
    PRIMARY KEY (catalog_name, table_namespace, table_name));
CREATE TABLE IF NOT EXISTS iceberg_namespace_properties (
    catalog_name VARCHAR(255) NOT NULL,
    namespace VARCHAR(255) NOT NULL,
    property_key VARCHAR(255),
    property_value VARCHAR(1000),
    PRIMARY KEY (catalog_name, namespace, property_key));
EOF
    log "PostgreSQL on 127.0.0.1:$PG_PORT, database iceberg_catalog"
}

pg_stop() { # pg_stop MODE: fast (clean) or immediate (as a crash)
    local bin dir; bin=$(pg_bin); dir=$(pg_dir)
    [ -n "$bin" ] && [ -f "$dir/data/PG_VERSION" ] || return 0
    if as_postgres "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        as_postgres "$bin/pg_ctl" -D "$dir/data" -m "$1" -w stop >/dev/null
        log "PostgreSQL stopped ($1)"
    fi
}

# --- S3Proxy: an S3 API over a local folder ---

s3_credentials() {
    mkdir -p "$S3_DIR/data/$BUCKET"
    if [ ! -f "$S3_DIR/credentials" ]; then
        # made up for this loopback-only server; the catalog files below carry them to Trino
        printf 'S3_ACCESS_KEY=vault%s\nS3_SECRET_KEY=%s\n' "$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')" \
            "$(od -An -N20 -tx1 /dev/urandom | tr -d ' \n')" >"$S3_DIR/credentials"
        chmod 600 "$S3_DIR/credentials"
    fi
    # shellcheck disable=SC1091
    . "$S3_DIR/credentials"
}

s3_start() {
    s3_credentials
    if alive s3proxy; then log "S3Proxy already running"; return; fi
    port_open "$S3_PORT" && die "port $S3_PORT is taken: set VAULT_CLUSTER_S3_PORT"
    cat >"$S3_DIR/s3proxy.properties" <<EOF
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
# the AWS SDK of Trino 483 sends x-amz-optional-object-attributes on listings; S3Proxy answers
# headers it does not know with an error unless told to ignore them
s3proxy.ignore-unknown-headers=true
s3proxy.identity=$S3_ACCESS_KEY
s3proxy.credential=$S3_SECRET_KEY
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$S3_DIR/data
EOF
    mkdir -p "$PIDS" "$LOGS"
    detached "$LOGS/s3proxy.log" "$JAVA" -Xmx384m -jar "$S3_JAR" --properties "$S3_DIR/s3proxy.properties"
    echo $! >"$PIDS/s3proxy.pid"
    for _ in $(seq 60); do port_open "$S3_PORT" && break; alive s3proxy || break; sleep 1; done
    port_open "$S3_PORT" || die "S3Proxy did not start; see $LOGS/s3proxy.log"
    log "S3Proxy on 127.0.0.1:$S3_PORT, bucket $BUCKET"
}

# --- Trino nodes ---

node_port() { if [ "$1" = coordinator ]; then echo "$TRINO_PORT"; else echo "$WORKER_PORT"; fi; }

write_node() { # write_node NAME: etc/ of the coordinator or the worker
    local name=$1 etc="$NODES/$1/etc" heap
    heap=$([ "$name" = coordinator ] && echo "$COORDINATOR_HEAP" || echo "$WORKER_HEAP")
    mkdir -p "$etc/catalog" "$NODES/$name/data"
    s3_credentials
    # node.bind-ip: the HTTP server listens on the loopback only (airlift's default is every address)
    printf 'node.environment=vault_cluster\nnode.id=%s\nnode.data-dir=%s\nnode.bind-ip=127.0.0.1\nnode.internal-address=127.0.0.1\n' \
        "$name" "$NODES/$name/data" >"$etc/node.properties"
    # Trino's recommended JVM settings (its launcher's jvm.config)
    cat >"$etc/jvm.config" <<EOF
-server
-Xmx$heap
-XX:+UseG1GC
-XX:G1HeapRegionSize=32M
-XX:+ExplicitGCInvokesConcurrent
-XX:+ExitOnOutOfMemoryError
-XX:-OmitStackTraceInFastThrow
-XX:ReservedCodeCacheSize=256M
-XX:PerMethodRecompilationCutoff=10000
-XX:PerBytecodeRecompilationCutoff=10000
-Djdk.attach.allowAttachSelf=true
-Djdk.nio.maxCachedBufferSize=2000000
-Dfile.encoding=UTF-8
-XX:+EnableDynamicAgentLoading
--add-modules=jdk.incubator.vector
--enable-native-access=ALL-UNNAMED
--sun-misc-unsafe-memory-access=allow
-Daws.disableEc2Metadata=true
-Dvault.cluster.trino-version=$TRINO_VERSION
EOF
    {
        if [ "$name" = coordinator ]; then
            echo "coordinator=true"
            # the worker runs every task: killing it is a real worker loss, as on a cluster
            echo "node-scheduler.include-coordinator=false"
            # with the worker gone a query fails after 10 s, not after the 5 minutes Trino waits by default
            echo "query-manager.required-workers-max-wait=10s"
        else
            echo "coordinator=false"
        fi
        echo "http-server.http.port=$(node_port "$name")"
        echo "discovery.uri=http://127.0.0.1:$TRINO_PORT"
        echo "query.max-memory=2GB"
        # vault's identity functions, once `vault functions install` created them, are callable unqualified
        echo "sql.path=memory.vault"
        echo "sql.default-function-catalog=memory"
        echo "sql.default-function-schema=vault"
    } >"$etc/config.properties"
    echo "io.trino=INFO" >"$etc/log.properties"
    cat >"$etc/catalog/iceberg.properties" <<EOF
connector.name=iceberg
iceberg.catalog.type=jdbc
iceberg.jdbc-catalog.driver-class=org.postgresql.Driver
iceberg.jdbc-catalog.connection-url=jdbc:postgresql://127.0.0.1:$PG_PORT/iceberg_catalog
iceberg.jdbc-catalog.connection-user=postgres
iceberg.jdbc-catalog.catalog-name=vault_cluster
iceberg.jdbc-catalog.default-warehouse-dir=s3://$BUCKET/
fs.native-s3.enabled=true
s3.endpoint=http://127.0.0.1:$S3_PORT
s3.region=us-east-1
s3.path-style-access=true
s3.aws-access-key=$S3_ACCESS_KEY
s3.aws-secret-key=$S3_SECRET_KEY
EOF
    echo "connector.name=memory" >"$etc/catalog/memory.properties"
}

node_start() { # node_start NAME
    local name=$1 etc="$NODES/$1/etc" port
    port=$(node_port "$name")
    if alive "$name"; then log "Trino $name already running"; return; fi
    port_open "$port" && die "port $port is taken: set VAULT_CLUSTER_TRINO_PORT"
    write_node "$name"
    mkdir -p "$PIDS" "$LOGS"
    # what Trino's bin/launcher does: jvm.config, node.properties as system properties, the main class
    # shellcheck disable=SC2046
    detached "$LOGS/trino-$name.log" "$JAVA" $(grep -v '^#' "$etc/jvm.config") \
        $(sed -e '/^#/d' -e '/^$/d' -e 's/^/-D/' "$etc/node.properties") \
        -Dconfig="$etc/config.properties" -Dlog.levels-file="$etc/log.properties" \
        -Dcatalog.config-dir="$etc/catalog" -Dplugin.dir="$DIST/plugin" \
        -cp "$DIST/lib/*" TrinoNode
    echo $! >"$PIDS/$name.pid"
    log "Trino $name starting on 127.0.0.1:$port (log $LOGS/trino-$name.log)"
}

node_wait() { # node_wait NAME: until the node says it has started
    local deadline=$((SECONDS + START_TIMEOUT)) port
    port=$(node_port "$1")
    until curl -fsS "http://127.0.0.1:$port/v1/info" 2>/dev/null | grep -q '"starting":false'; do
        alive "$1" || die "Trino $1 exited; see $LOGS/trino-$1.log"
        [ $SECONDS -lt $deadline ] || die "Trino $1 not up after ${START_TIMEOUT}s; see $LOGS/trino-$1.log"
        sleep 2
    done
}

cli() { "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$CLI_JAR" --server "http://127.0.0.1:$TRINO_PORT" --user vault --output-format TSV "$@" 2>&1 | grep -v -e '^WARNING' -e 'org.jline'; }

cluster_wait() { # until the coordinator sees the worker
    local deadline=$((SECONDS + START_TIMEOUT))
    until [ "$(cli --execute "select count(*) from system.runtime.nodes where state = 'active' and not coordinator" 2>/dev/null | tail -n 1)" = 1 ]; do
        [ $SECONDS -lt $deadline ] || die "the coordinator does not see the worker after ${START_TIMEOUT}s; see $LOGS/"
        sleep 2
    done
}

node_stop() { # node_stop NAME SIGNAL
    local name=$1 signal=$2 pid
    [ -f "$PIDS/$name.pid" ] || return 0
    pid=$(cat "$PIDS/$name.pid")
    if kill -0 "$pid" 2>/dev/null; then
        kill "-$signal" "$pid"
        for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        if kill -0 "$pid" 2>/dev/null; then log "$name (pid $pid) still up after 30 s: KILL"; kill -KILL "$pid"; fi
        log "$name stopped (SIG$signal)"
    fi
    rm -f "$PIDS/$name.pid"
}

start() {
    local t0=$SECONDS
    assemble
    pg_start
    s3_start
    node_start coordinator
    node_start worker
    node_wait coordinator
    node_wait worker
    cluster_wait
    log "cluster up in $((SECONDS - t0)) s: jdbc:trino://127.0.0.1:$TRINO_PORT/iceberg (Trino $TRINO_VERSION)"
    echo "jdbc:trino://127.0.0.1:$TRINO_PORT/iceberg"
}

stop() {
    node_stop worker TERM
    node_stop coordinator TERM
    node_stop s3proxy TERM
    pg_stop fast
}

case "${1:-}" in
    assemble) assemble ;;
    start) start ;;
    stop) stop ;;
    wipe)
        stop
        rm -rf "$(pg_dir)" "$S3_DIR" "$NODES" "$LOGS" "$PIDS"
        log "wiped catalog, objects, node data and logs under $CLUSTER_DIR"
        ;;
    kill)
        case "${2:-}" in
            worker | coordinator | s3proxy) node_stop "$2" KILL ;;
            postgres) pg_stop immediate ;;
            *) die "kill what? worker, coordinator, s3proxy or postgres" ;;
        esac
        ;;
    restart)
        case "${2:-}" in
            worker | coordinator) node_stop "$2" TERM; node_start "$2"; node_wait "$2"; cluster_wait ;;
            s3proxy) node_stop s3proxy TERM; s3_start ;;
            postgres) pg_stop fast; pg_start ;;
            *) die "restart what? worker, coordinator, s3proxy or postgres" ;;
        esac
        ;;
    status)
        for part in coordinator worker s3proxy; do
            if alive "$part"; then echo "$part running (pid $(cat "$PIDS/$part.pid"))"; else echo "$part stopped"; fi
        done
        if port_open "$PG_PORT"; then echo "postgres running (port $PG_PORT)"; else echo "postgres stopped"; fi
        ;;
    sql) shift; cli --execute "$*" ;;
    *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
