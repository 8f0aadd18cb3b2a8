package dev.vault.runner.cli;

import dev.vault.runner.Vault;
import picocli.CommandLine.Mixin;

/** A command that loads the project and works on its engine; it tells what happens in the --log-format asked for. */
abstract class EngineCommand
        extends ConsoleCommand
{
    @Mixin
    ConnectionOptions connection;

    @Mixin
    LogFormatOption logFormat;

    Reporter reporter()
    {
        return Reporter.of(logFormat.format(), console);
    }

    Vault load(Reporter reporter)
    {
        return connection.configuration(reporter).load();
    }
}
