#!/usr/bin/env bash
# The cluster suite: starts the cluster of cluster.sh from nothing (wipe, start), runs
# TestVaultOnCluster in vault-runner against it (the examples, incremental batches, no-op runs,
# data tests, maintenance, concurrent runners, the identity functions, and faults: the worker
# killed, PostgreSQL restarted, the coordinator gone mid-load), and stops the cluster, passed or
# failed. Extra arguments go to mvn. Logs of the cluster: target/cluster/logs/.
#   scripts/cluster/run-suite.sh            (what .ci/run runs after ./run-tests)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cluster="$repo/scripts/cluster/cluster.sh"
cd "$repo"
# shellcheck source=../jdk.sh
. "$repo/scripts/jdk.sh"

"$cluster" wipe
trap '"$cluster" stop || true' EXIT
url=$("$cluster" start)
t0=$SECONDS
mvn -B -pl vault-runner -am test -Dtest=TestVaultOnCluster -Dsurefire.failIfNoSpecifiedTests=false \
    -Dvault.cluster.url="$url" "$@"
echo "cluster suite: $((SECONDS - t0)) s of tests on $url" >&2
