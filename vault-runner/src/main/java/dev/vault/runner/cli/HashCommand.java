package dev.vault.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vault.core.identity.IdentityHasher;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.core.load.ProjectLoader;
import dev.vault.core.project.ProjectConfig;
import dev.vault.runner.jdbc.TrinoJdbcDriver;
import dev.vault.sql.dialect.TrinoDialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;

@Command(name = "hash", mixinStandardHelpOptions = true,
        description = "Print a lead's normalized name, email and phone and its matching keys, as the warehouse computes them (no engine needed).")
final class HashCommand
        extends ConsoleCommand
{
    @Option(names = "--name", paramLabel = "NAME", description = "The person's name as written in the source.")
    String name;

    @Option(names = "--email", paramLabel = "EMAIL")
    String email;

    @Option(names = "--phone", paramLabel = "PHONE")
    String phone;

    @Option(names = {"-p", "--project-dir"}, paramLabel = "DIR", description = "Folder with vault.yml, for its 'identity:' settings (default: the current folder; built-in defaults without one).")
    Path projectDirectory = Path.of(".");

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    String format;

    @Override
    public Integer call()
            throws Exception
    {
        if (!format.equals("text") && !format.equals("json")) {
            throw usage("unknown format '" + format + "': use text or json");
        }
        IdentitySettings settings = Files.isRegularFile(projectDirectory.resolve(ProjectConfig.FILE_NAME))
                ? ProjectLoader.load(projectDirectory, TrinoDialect.INSTANCE, TrinoJdbcDriver.INSTANCE).config().identity()
                : IdentitySettings.defaults();
        IdentityHasher hasher = new IdentityHasher(settings);
        var normalized = hasher.normalize(name, email, phone);
        var output = new LinkedHashMap<String, Object>();
        output.put("name", normalized.name());
        output.put("email", normalized.email());
        output.put("phone", normalized.phone());
        output.put("keys", hasher.keys(normalized));
        output.put("generate_person_hash", hasher.personHash(name, email, phone));
        switch (format) {
            case "json" -> console.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(output));
            case "text" -> {
                console.out().printf("name                  %s%n", text(normalized.name()));
                console.out().printf("email                 %s%n", text(normalized.email()));
                console.out().printf("phone                 %s%n", text(normalized.phone()));
                for (var key : settings.keys()) {
                    console.out().printf("key %-17s %s%n", key.name(), text(hasher.keys(normalized).get(key.name())));
                }
                console.out().printf("generate_person_hash  %s%n", text(hasher.personHash(name, email, phone)));
            }
            default -> throw new IllegalStateException("format checked above: " + format);
        }
        return SUCCESS;
    }

    private static String text(String value)
    {
        return value == null ? "(none)" : value;
    }
}
