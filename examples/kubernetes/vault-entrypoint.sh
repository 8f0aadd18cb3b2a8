#!/bin/sh
# The vault CLI in the container image: the same JVM flags and classpath as the repository's
# ./vault launcher (Trino 483 needs them), without its build step. Arguments go to the CLI:
#   vault run --log-format json ...
# VAULT_JAVA_OPTS adds JVM options, e.g. -XX:MaxRAMPercentage=75 (the JVM sizes its heap from the
# container's memory limit).
set -eu
lib=/opt/vault/lib
# shellcheck disable=SC2086 # VAULT_JAVA_OPTS holds several options
exec java \
    --add-modules=jdk.incubator.vector \
    --enable-native-access=ALL-UNNAMED \
    --sun-misc-unsafe-memory-access=allow \
    -XX:+UseG1GC \
    ${VAULT_JAVA_OPTS:-} \
    -cp "$lib/vault-embedded.jar:$(cat /opt/vault/vault.classpath)" \
    dev.vault.runner.cli.VaultCli "$@"
