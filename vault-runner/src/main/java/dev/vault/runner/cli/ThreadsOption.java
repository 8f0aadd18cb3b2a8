package dev.vault.runner.cli;

import picocli.CommandLine.Option;

/** {@code --threads}: how many models run at once. */
final class ThreadsOption
{
    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Models to run at once; a model starts when the models it reads are done (default: ${DEFAULT-VALUE}).")
    int threads = 1;
}
