package dev.vault.runner.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vault.runner.IdentityExplanation;
import dev.vault.runner.Vault;
import dev.vault.runner.VaultListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code vault identity}: looking into identity resolution. */
@Command(name = "identity", mixinStandardHelpOptions = true,
        description = "Look into identity resolution: why records are one person.",
        subcommands = {IdentityCommand.Explain.class, CommandLine.HelpCommand.class})
final class IdentityCommand
        implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: vault identity explain <person key | identity_record | stage:record-key>");
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = {"Show a person's records and what joined them: the key values they share, the pairs a comparison accepted (with the edits),",
                    "the values the junk guard left out (and how many records each would have joined), and the merges of the same-as link.",
                    "SUBJECT is a person key or an identity_record (64 hex digits), or <stage>:<record key>, e.g. stg_crm_contacts:123."})
    static final class Explain
            extends EngineCommand
    {
        @Parameters(index = "0", paramLabel = "SUBJECT", description = "A person key, an identity_record, or <stage>:<record key> (composite keys comma-separated).")
        String subject;

        @Option(names = "--hub", paramLabel = "HUB", description = "The identity hub (default: the project's only one).")
        String hub;

        @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call()
        {
            if (!format.equals("text") && !format.equals("json")) {
                throw usage("unknown format '" + format + "': use text or json");
            }
            try (Vault vault = format.equals("json") ? connection.configuration(VaultListener.NONE).load() : load(reporter())) {
                IdentityExplanation explanation = vault.explainIdentity(Optional.ofNullable(hub), subject);
                PrintStream out = console.out();
                out.print(format.equals("json") ? json(explanation) : text(explanation));
                out.flush();
                return SUCCESS;
            }
        }
    }

    static String json(IdentityExplanation explanation)
    {
        try {
            return new ObjectMapper()
                    .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(explanation) + System.lineSeparator();
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(IdentityExplanation explanation)
    {
        StringBuilder text = new StringBuilder();
        text.append("Person %s of %s: %d record%s%n".formatted(explanation.person(), explanation.hub(), explanation.records().size(), explanation.records().size() == 1 ? "" : "s"));
        for (IdentityExplanation.Record record : explanation.records()) {
            String parts = record.parts().entrySet().stream()
                    .filter(part -> part.getValue() != null)
                    .map(part -> "%s '%s'".formatted(part.getKey(), part.getValue()))
                    .collect(Collectors.joining(", "));
            text.append("  %s  %s:%s  %s%s%n".formatted(shortHash(record.identityRecord()), record.stage(), record.recordKey(), parts,
                    record.firstResolvedTo().equals(explanation.person()) ? "" : "  (first resolved to " + shortHash(record.firstResolvedTo()) + ")"));
        }
        if (!explanation.evidence().isEmpty()) {
            text.append("Joined by:%n".formatted());
            for (IdentityExplanation.Evidence evidence : explanation.evidence()) {
                text.append("  %s %s '%s': %s%s%n".formatted(evidence.kind(), evidence.rule(), evidence.value(),
                        evidence.records().stream().map(IdentityCommand::shortHash).collect(Collectors.joining(", ")),
                        evidence.detail().isEmpty() ? "" : " (" + evidence.detail() + ")"));
            }
        }
        if (!explanation.junk().isEmpty()) {
            text.append("Left out by the junk guard (not matched on):%n".formatted());
            for (IdentityExplanation.Junk junk : explanation.junk()) {
                text.append("  %s '%s' shared by %,d records, of which %s%n".formatted(junk.key(), junk.sample(), junk.recordsSharing(),
                        junk.records().stream().map(IdentityCommand::shortHash).collect(Collectors.joining(", "))));
            }
        }
        for (IdentityExplanation.Merge merge : explanation.merges()) {
            text.append("Merge at %s: %s into %s%n".formatted(merge.loadDatetime(), shortHash(merge.duplicate()), shortHash(merge.master())));
        }
        if (!explanation.unexplained().isEmpty()) {
            text.append("Joined in an earlier run by evidence no longer present (a value since found junk, or changed): %s%n"
                    .formatted(explanation.unexplained().stream().map(IdentityCommand::shortHash).collect(Collectors.joining(", "))));
        }
        return text.toString();
    }

    /** The first 12 hex digits: enough to tell a person's records apart on screen; JSON has them whole. */
    private static String shortHash(String hash)
    {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
