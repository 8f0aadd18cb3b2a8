package dev.vault.runner.cli;

import com.google.common.collect.ImmutableList;
import dev.vault.runner.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Write the SQL of every model to a folder, one file per model; nothing runs.")
final class CompileCommand
        extends EngineCommand
{
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Folder to write to (default: <target-path>/compiled, i.e. .vault/compiled).")
    Path output;

    @Override
    public Integer call()
    {
        Reporter reporter = reporter();
        try (Vault vault = load(reporter)) {
            Path folder = output != null ? output : vault.project().config().compiledPath();
            ImmutableList<Path> files = vault.compile(folder);
            files.forEach(file -> reporter.message(relative(file).toString()));
            reporter.message("Compiled %d models into %s".formatted(files.size(), relative(folder)));
            return SUCCESS;
        }
    }

    private static Path relative(Path path)
    {
        Path absolute = path.toAbsolutePath().normalize();
        Path current = Path.of("").toAbsolutePath();
        return absolute.startsWith(current) ? current.relativize(absolute) : absolute;
    }
}
