package dev.vault.runner.cli;

import dev.vault.runner.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Keep the embedded engine running on a port so the Trino CLI, DBeaver or Superset can connect; stop with Ctrl-C.")
final class ServeCommand
        extends EngineCommand
{
    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: ${DEFAULT-VALUE}).", defaultValue = "8080")
    int port;

    @Override
    public Integer call()
            throws InterruptedException
    {
        if (connection.jdbcUrl != null) {
            throw usage("serve runs the embedded engine; it takes no --jdbc-url");
        }
        Vault vault = connection.configuration(reporter()).port(port).load();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vault.close();
            stopped.countDown();
        }, "vault-serve-shutdown"));
        String url = vault.jdbcUrl();
        console.out().println();
        console.out().println("The embedded Trino is serving " + vault.project().config().catalog() + " from its warehouse.");
        console.out().println("  JDBC URL:   " + url + "   (user: any, no password)");
        console.out().println("  Trino CLI:  trino --server http://localhost:" + port + " --catalog " + vault.project().config().catalog());
        console.out().println("Stop with Ctrl-C.");
        stopped.await();
        return SUCCESS;
    }
}
