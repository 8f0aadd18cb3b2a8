/**
 * The main class of a Trino node that cluster.sh assembles from Maven Central's jars. Trino's own
 * launcher class lives in trino-server-main, which is published only inside the server tarball
 * since Trino 477; it does nothing but this. The version string is what system.runtime.nodes
 * reports as node_version.
 */
public final class TrinoNode
{
    private TrinoNode() {}

    public static void main(String[] args)
    {
        new io.trino.server.Server().start(System.getProperty("vault.cluster.trino-version", "unknown"));
    }
}
