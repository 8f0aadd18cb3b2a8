package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.model.Identifiers;
import dev.vault.core.project.ProjectConfig;
import dev.vault.runner.jdbc.TrinoJdbcDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * {@code vault init}: writes a new project into a folder. Without {@code --from} it is an example
 * that builds as it is (a seed file, its source and stage, a hub and a satellite). With
 * {@code --from <catalog>.<schema>} it reads information_schema of the existing bronze tables and
 * writes a source per table, with its columns and their Trino types, and a stage per source.
 *
 * <p>Every file is made before any is written, and the folder is checked first: a vault.yml or
 * another file init would write there stops it with {@link ErrorCode#PROJECT_EXISTS}, and a failed
 * read of the bronze tables leaves the folder as it was.
 */
final class InitOperation
{
    static final Path GITIGNORE = Path.of(".gitignore");
    static final String IGNORED = ".vault/";

    private final VaultConfiguration configuration;
    private final InitOptions options;

    InitOperation(VaultConfiguration configuration, InitOptions options)
    {
        this.configuration = requireNonNull(configuration, "configuration is null");
        this.options = requireNonNull(options, "options is null");
    }

    InitResult execute()
    {
        Path directory = configuration.projectDirectory().toAbsolutePath().normalize();
        if (Files.exists(directory.resolve(ProjectConfig.FILE_NAME))) {
            throw new VaultException(ErrorCode.PROJECT_EXISTS, "%s already has a %s; vault init never overwrites a project. Nothing was written: run it on a new or empty folder, e.g. 'vault init my_vault'"
                    .formatted(directory, ProjectConfig.FILE_NAME));
        }
        String name = options.name().orElseGet(() -> projectName(directory));
        Identifiers.check(name, "project name").ifPresent(message -> {
            throw new VaultException(ErrorCode.INVALID_PROJECT, message + "; give it with --name");
        });

        Map<Path, String> files = new LinkedHashMap<>();
        ImmutableList<String> sources;
        ImmutableList<String> warnings;
        if (options.from().isPresent()) {
            String[] parts = catalogAndSchema(options.from().get());
            String catalog = parts[0];
            String schema = parts[1];
            InitYaml.Target target = target(directory);
            String projectFile = InitYaml.projectFile(name, catalog, schema, true, target);
            checkFree(directory, List.of(Path.of(ProjectConfig.FILE_NAME), Path.of("models/sources.yml"), Path.of("models/stages.yml")));
            ImmutableList<InitYaml.Table> tables = readBronze(directory, catalog, schema, projectFile);
            InitYaml.Bronze bronze = InitYaml.bronze(catalog, schema, tables);
            if (bronze.sourceNames().isEmpty()) {
                throw new VaultException(ErrorCode.INVALID_PROJECT, "no table of %s.%s can be a source, so nothing was written: %s"
                        .formatted(catalog, schema, String.join("; ", bronze.warnings())));
            }
            files.put(Path.of(ProjectConfig.FILE_NAME), projectFile);
            files.put(Path.of("models/sources.yml"), bronze.sources());
            files.put(Path.of("models/stages.yml"), bronze.stages());
            sources = bronze.sourceNames();
            warnings = bronze.warnings();
        }
        else {
            files.put(Path.of(ProjectConfig.FILE_NAME), InitYaml.projectFile(name, "iceberg", "bronze", false, InitYaml.Target.embedded()));
            files.put(Path.of("models/sources.yml"), InitYaml.exampleSources());
            files.put(Path.of("models/stages.yml"), InitYaml.exampleStages());
            files.put(Path.of("models/silver.yml"), InitYaml.exampleSilver());
            files.put(Path.of("seeds/customers.csv"), InitYaml.exampleSeed());
            checkFree(directory, List.copyOf(files.keySet()));
            sources = ImmutableList.of("customers");
            warnings = ImmutableList.of();
        }
        return new InitResult(directory, write(directory, files), sources, warnings);
    }

    /** Stops before anything is written when one of the files is there already. */
    private static void checkFree(Path directory, List<Path> files)
    {
        List<String> taken = files.stream().filter(file -> Files.exists(directory.resolve(file))).map(Path::toString).toList();
        if (!taken.isEmpty()) {
            throw new VaultException(ErrorCode.PROJECT_EXISTS, "vault init would overwrite %s in %s; nothing was written. Move %s away or run it on a new folder"
                    .formatted(String.join(", ", taken), directory, taken.size() == 1 ? "it" : "them"));
        }
    }

    private static ImmutableList<Path> write(Path directory, Map<Path, String> files)
    {
        ImmutableList.Builder<Path> written = ImmutableList.builder();
        try {
            for (Map.Entry<Path, String> file : files.entrySet()) {
                Path path = directory.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                // CREATE_NEW: a file made since the check is still never overwritten
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                written.add(file.getKey());
            }
            Path gitignore = directory.resolve(GITIGNORE);
            if (!Files.exists(gitignore)) {
                Files.writeString(gitignore, InitYaml.gitignore(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                written.add(GITIGNORE);
            }
            else if (Files.readAllLines(gitignore, StandardCharsets.UTF_8).stream().map(String::strip).noneMatch(line -> line.equals(IGNORED) || line.equals(".vault"))) {
                String content = Files.readString(gitignore, StandardCharsets.UTF_8);
                Files.writeString(gitignore, (content.isEmpty() || content.endsWith("\n") ? "" : "\n") + InitYaml.gitignore(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                written.add(GITIGNORE);
            }
        }
        catch (IOException e) {
            throw new VaultException(ErrorCode.INTERNAL, "cannot write the new project into %s: %s".formatted(directory, e.getMessage()), e);
        }
        return written.build();
    }

    /** The folder's name as a project name: lower case, underscores for anything else. */
    static String projectName(Path directory)
    {
        Path fileName = directory.getFileName();
        String name = (fileName == null ? "" : fileName.toString()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty()) {
            return "my_vault";
        }
        name = Character.isDigit(name.charAt(0)) ? "vault_" + name : name;
        return name.length() <= Identifiers.MAX_LENGTH ? name : name.substring(0, Identifiers.MAX_LENGTH);
    }

    /** {@code iceberg.airbyte}: two valid names. */
    static String[] catalogAndSchema(String from)
    {
        String[] parts = from.split("\\.", -1);
        if (parts.length != 2) {
            throw new VaultException(ErrorCode.INVALID_PROJECT, "--from must be <catalog>.<schema> of the bronze tables, e.g. iceberg.bronze; found '%s'".formatted(from));
        }
        Identifiers.check(parts[0], "catalog").or(() -> Identifiers.check(parts[1], "schema")).ifPresent(message -> {
            throw new VaultException(ErrorCode.INVALID_PROJECT, "--from %s: %s".formatted(from, message));
        });
        return parts;
    }

    /** The targets of the new project: always the embedded engine, and the cluster the tables were read from, if any. */
    private InitYaml.Target target(Path directory)
    {
        Optional<String> jdbcUrl = configuration.jdbcUrl();
        if (jdbcUrl.isPresent() && TrinoJdbcDriver.INSTANCE.urlHoldsSecret(jdbcUrl.get())) {
            throw new VaultException(ErrorCode.INVALID_PROJECT, "the JDBC URL holds a password or token, which vault.yml must not; give the password with --password-env or --password-file");
        }
        String warehouse = configuration.warehouse()
                .map(path -> {
                    Path absolute = path.toAbsolutePath().normalize();
                    return absolute.startsWith(directory) ? directory.relativize(absolute).toString() : absolute.toString();
                })
                .orElse(".vault/warehouse");
        return new InitYaml.Target(
                warehouse,
                jdbcUrl,
                jdbcUrl.isPresent() ? configuration.user() : Optional.empty(),
                jdbcUrl.isPresent() ? configuration.passwordEnvironmentVariable() : Optional.empty(),
                jdbcUrl.isPresent() ? configuration.passwordFile().map(Path::toString) : Optional.empty());
    }

    /**
     * Reads the tables and columns of the bronze schema. vault connects to an engine only for a
     * loaded project, so the new vault.yml is loaded from a scratch folder, with a placeholder
     * model, before anything is written where the user asked.
     */
    private ImmutableList<InitYaml.Table> readBronze(Path directory, String catalog, String schema, String projectFile)
    {
        VaultConfiguration probe;
        Path scratch;
        try {
            scratch = Files.createTempDirectory("vault-init");
            Files.writeString(scratch.resolve(ProjectConfig.FILE_NAME), projectFile, StandardCharsets.UTF_8);
            Files.createDirectories(scratch.resolve("models"));
            Files.writeString(scratch.resolve("models/init.yml"), """
                    sources:
                      - { name: vault_init, record-source: init, load-timestamp: loaded_at, columns: [{ name: loaded_at, type: timestamp(6) }] }
                    """, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new VaultException(ErrorCode.INTERNAL, "cannot make a scratch folder to connect from: " + e.getMessage(), e);
        }
        try {
            probe = configuration.forProject(scratch);
            if (configuration.jdbcUrl().isEmpty()) {
                Path warehouse = configuration.warehouse().orElse(directory.resolve(".vault/warehouse")).toAbsolutePath().normalize();
                if (!Files.isDirectory(warehouse)) {
                    throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, ("there is no embedded warehouse at %s to read %s.%s from; nothing was written. "
                            + "Give the Trino cluster that holds the bronze tables with --jdbc-url, or the embedded engine's warehouse folder with --warehouse").formatted(warehouse, catalog, schema));
                }
                probe.warehouse(warehouse);
            }
            QueryResult result;
            try (Vault vault = probe.load()) {
                result = vault.query(columnsQuery(catalog, schema));
            }
            catch (VaultException e) {
                if (e.errorCode() != ErrorCode.MODEL_FAILED) {
                    throw e;
                }
                throw new VaultException(ErrorCode.MODEL_FAILED, "cannot read the tables of %s.%s, so nothing was written: %s".formatted(catalog, schema, e.getMessage()), e);
            }
            ImmutableList<InitYaml.Table> tables = tables(result);
            if (tables.isEmpty()) {
                throw new VaultException(ErrorCode.INVALID_PROJECT, "%s.%s has no tables (or is not a schema the engine knows), so nothing was written; give the catalog and schema your loader writes to, e.g. --from iceberg.airbyte"
                        .formatted(catalog, schema));
            }
            return tables;
        }
        finally {
            delete(scratch);
        }
    }

    /** The columns of every table and view of the schema, in table and column order. */
    static String columnsQuery(String catalog, String schema)
    {
        // both names are valid identifiers (checked above): quoting keeps them names, the literal holds no quote
        String informationSchema = "\"" + catalog + "\".information_schema";
        return """
                SELECT t.table_name, c.column_name, c.data_type
                FROM %1$s.tables t
                JOIN %1$s.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name
                WHERE t.table_schema = '%2$s' AND c.table_schema = '%2$s'
                ORDER BY t.table_name, c.ordinal_position""".formatted(informationSchema, schema);
    }

    private static ImmutableList<InitYaml.Table> tables(QueryResult result)
    {
        Map<String, List<InitYaml.Column>> columns = new LinkedHashMap<>();
        for (List<Object> row : result.rows()) {
            columns.computeIfAbsent(String.valueOf(row.get(0)), ignored -> new ArrayList<>())
                    .add(new InitYaml.Column(String.valueOf(row.get(1)), String.valueOf(row.get(2))));
        }
        return columns.entrySet().stream()
                .map(entry -> new InitYaml.Table(entry.getKey(), ImmutableList.copyOf(entry.getValue())))
                .collect(ImmutableList.toImmutableList());
    }

    private static void delete(Path folder)
    {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException | UncheckedIOException e) {
            // a scratch folder left in the temp directory harms nothing
        }
    }
}
