# Sourced by ./vault, ./run-tests and .ci/run: exports JAVA_HOME as a JDK 25 or newer (Trino 483
# needs it), looking at JAVA_HOME first and then /usr/lib/jvm/*, or stops with what to install.

vault_java_major() {
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

vault_find_jdk() {
    local candidate major
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
        major="$(vault_java_major "$JAVA_HOME/bin/java")"
        if [ -n "$major" ] && [ "$major" -ge 25 ]; then
            echo "$JAVA_HOME"
            return 0
        fi
    fi
    for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
        candidate="${candidate%/}"
        if [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ]; then
            major="$(vault_java_major "$candidate/bin/java")"
            if [ -n "$major" ] && [ "$major" -ge 25 ]; then
                echo "$candidate"
                return 0
            fi
        fi
    done
    return 1
}

if ! VAULT_JDK="$(vault_find_jdk)"; then
    echo "vault: no JDK 25 or newer found (Trino 483 needs it)." >&2
    echo "       Looked at JAVA_HOME (${JAVA_HOME:-not set}) and /usr/lib/jvm/*." >&2
    echo "       Install one, e.g. Temurin 25 (Debian/Ubuntu: apt install temurin-25-jdk from packages.adoptium.net)," >&2
    echo "       and set JAVA_HOME to it." >&2
    exit 4
fi
export JAVA_HOME="$VAULT_JDK"

vault_require_maven() {
    if ! command -v mvn >/dev/null 2>&1; then
        echo "vault: Maven 3.8+ (mvn) is needed to build vault; install it (Debian/Ubuntu: apt install maven)." >&2
        exit 4
    fi
}
