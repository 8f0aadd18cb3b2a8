#!/usr/bin/env bash
# The cluster suite: for each Trino version of VAULT_CLUSTER_TRINO_VERSIONS (default "483"; "483 476"
# adds the oldest supported, not yet run in full), starts the cluster of cluster.sh from nothing (wipe,
# start), runs TestVaultOnCluster in vault-runner against it, and stops the cluster, passed or
# failed. On the first version the suite runs whole: the examples, incremental batches, no-op
# runs, data tests, maintenance, concurrent runners, the identity functions, and faults (the worker
# killed, PostgreSQL restarted, the coordinator gone mid-load); on the others the same commands
# without the faults (-Dvault.cluster.faults=false), to keep CI within its time. Extra arguments
# go to mvn. Logs of the cluster: target/cluster/logs/.
#   scripts/cluster/run-suite.sh                                      (what .ci/run runs after ./run-tests)
#   VAULT_CLUSTER_TRINO_VERSIONS=478 scripts/cluster/run-suite.sh -o  (one version, whole, Maven offline)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cluster="$repo/scripts/cluster/cluster.sh"
cd "$repo"
# shellcheck source=../jdk.sh
. "$repo/scripts/jdk.sh"

versions=${VAULT_CLUSTER_TRINO_VERSIONS:-483}
trap '"$cluster" stop || true' EXIT
faults=true
t_suite=$SECONDS
for version in $versions; do
    export VAULT_CLUSTER_TRINO_VERSION=$version
    "$cluster" wipe
    url=$("$cluster" start)
    t0=$SECONDS
    mvn -B -pl vault-runner -am test -Dtest=TestVaultOnCluster -Dsurefire.failIfNoSpecifiedTests=false \
        -Dvault.cluster.url="$url" -Dvault.cluster.faults=$faults "$@"
    echo "cluster suite on Trino $version (faults: $faults): $((SECONDS - t0)) s of tests on $url" >&2
    "$cluster" stop
    faults=false
done
echo "cluster suite: Trino $versions passed in $((SECONDS - t_suite)) s" >&2
