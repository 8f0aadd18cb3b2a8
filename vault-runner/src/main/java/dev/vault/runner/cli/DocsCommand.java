package dev.vault.runner.cli;

import dev.vault.runner.Vault;
import dev.vault.runner.docs.DocsResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Write a static HTML site documenting the project: models by layer, the DAG, columns, tests, compiled SQL and the last run; nothing runs.")
final class DocsCommand
        extends EngineCommand
{
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Folder to write to (default: <target-path>/docs, i.e. .vault/docs).")
    Path output;

    @Override
    public Integer call()
    {
        Reporter reporter = reporter();
        try (Vault vault = load(reporter)) {
            Path folder = output != null ? output : vault.project().config().targetPath().resolve("docs");
            DocsResult site = vault.docs(folder);
            reporter.message("Wrote %d pages; open %s".formatted(site.pages().size(), site.index().toUri()));
            return SUCCESS;
        }
    }
}
