package dev.vault.sql;

import dev.vault.core.load.ProjectLoader;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Project;
import dev.vault.core.seed.Seed;
import dev.vault.core.seed.SeedReader;
import dev.vault.sql.dialect.TrinoDialect;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL compiled for the repository's example project, statement by statement, against golden
 * files in src/test/resources/golden. A change to generated SQL shows up as a diff of those files
 * in review. Regenerate with {@code mvn test -pl vault-sql -Dvault.golden.update=true}.
 */
class TestTrinoCompilerGolden
{
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("vault.golden.update");

    @Test
    void exampleProjectCompilesToGoldenSql()
            throws IOException
    {
        compilesToGoldenSql(Path.of(".."), GOLDEN, Path.of("examples/leads/batch_1"));
    }

    /** The toolbox example: every entity kind (docs/entity-kinds.md). */
    @Test
    void toolboxProjectCompilesToGoldenSql()
            throws IOException
    {
        compilesToGoldenSql(Path.of("../examples/toolbox"), GOLDEN.resolve("toolbox"), Path.of("seeds/batch_1"));
    }

    private static void compilesToGoldenSql(Path projectDirectory, Path golden, Path seeds)
            throws IOException
    {
        Project project = ProjectLoader.load(projectDirectory, TrinoDialect.INSTANCE);
        TrinoCompiler compiler = new TrinoCompiler(project);
        Plan plan = compiler.compile();

        List<String> expectedFiles = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (ModelPlan model : plan.models().values()) {
            for (Statement statement : model.statements()) {
                // reject and conflicts statements write the project's rejected table; name them after their model
                String table = statement.kind() == Statement.Kind.REJECT || statement.kind() == Statement.Kind.CONFLICTS ? statement.model() : statement.target().table();
                String file = table + "." + statement.kind().name().toLowerCase() + ".sql";
                expectedFiles.add(file);
                // the fingerprint a run fills in, as a fixed value
                check(golden, file, Guard.fill(statement.sql(), "0123456789abcdef"), mismatches);
            }
            if (model.model() instanceof Hub hub && hub.identity()) {
                IdentityResolutionSql identity = compiler.identityResolution(hub);
                Map<String, String> steps = new LinkedHashMap<>();
                steps.put("1_batch_keys", identity.batchKeys());
                steps.put("1_batch_records", identity.batchRecords());
                steps.put("2_keys_insert", identity.keysInsert());
                identity.partsInsert().ifPresent(insert -> steps.put("2_parts_insert", insert));
                steps.put("3_junk_insert", identity.junkInsert());
                steps.put("4_work_records", identity.workRecords());
                steps.put("4_work_keys", identity.workKeys());
                steps.put("4_work_edges", identity.workEdges());
                steps.put("5_labels_init", identity.labelsInit());
                steps.put("6_labels_shortcut", identity.labelsShortcut(0));
                steps.put("6_labels_hook", identity.labelsHook(1));
                steps.put("7_labels_changed", identity.labelsChanged(0));
                steps.put("8_work_resolution", identity.workResolution(1));
                steps.put("9_hub_insert", identity.hubInsert());
                steps.put("10_records_insert", identity.recordsInsert());
                steps.put("11_same_as_insert", identity.sameAsInsert());
                for (Map.Entry<String, String> step : steps.entrySet()) {
                    String file = hub.name() + ".identity." + step.getKey() + ".sql";
                    expectedFiles.add(file);
                    check(golden, file, step.getValue(), mismatches);
                }
            }
        }
        for (DataTest test : compiler.dataTests()) {
            String file = "test." + test.name().replaceAll("[^A-Za-z0-9_.]+", "_").replaceAll("^_+|_+$", "") + ".sql";
            assertThat(expectedFiles).as("two tests with one golden file name").doesNotContain(file);
            expectedFiles.add(file);
            check(golden, file, test.sql(), mismatches);
        }
        for (Seed seed : SeedReader.read(project, List.of(seeds))) {
            String file = "seed." + seed.source().name() + ".sql";
            expectedFiles.add(file);
            check(golden, file, compiler.seed(seed).sql(), mismatches);
        }

        // the maintenance steps of a plain hub, an identity hub's records map, a satellite with its own policy and a table mart
        MaintenanceSql maintenance = new MaintenanceSql(project);
        for (MaintenanceSql.VaultTable table : maintenance.maintainedTables(project.models().keySet())) {
            if (!List.of("hub_produtor", "hub_pessoa_records", "sat_pessoa_detalhes", "mart_leads_unificados").contains(table.table().table())) {
                continue;
            }
            for (MaintenanceSql.StepSql step : maintenance.steps(table)) {
                String file = "maintain." + table.table().table() + "." + step.step().id() + ".sql";
                expectedFiles.add(file);
                check(golden, file, step.sql(), mismatches);
            }
        }

        assertThat(mismatches).as("statements that differ from their golden file (regenerate with -Dvault.golden.update=true and review the diff)").isEmpty();
        try (Stream<Path> files = Files.list(golden)) {
            assertThat(files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()).sorted().toList())
                    .as("golden files without a statement: delete them")
                    .containsExactlyInAnyOrderElementsOf(expectedFiles);
        }
    }

    /**
     * The example project has no PIT (its only satellite keeps history per source record), so the
     * PIT's SQL is checked on the conformance project of PITs and bridges.
     */
    @Test
    void pitCompilesToGoldenSql()
            throws IOException
    {
        Project project = ProjectLoader.load(Path.of("../vault-embedded/src/test/resources/conformance/pit-bridge"), TrinoDialect.INSTANCE);
        List<String> mismatches = new ArrayList<>();
        for (Statement statement : new TrinoCompiler(project).compile().models().get("pit_customer").statements()) {
            check(GOLDEN.resolve("pit"), statement.target().table() + "." + statement.kind().name().toLowerCase() + ".sql", statement.sql(), mismatches);
        }
        assertThat(mismatches).as("statements that differ from their golden file (regenerate with -Dvault.golden.update=true and review the diff)").isEmpty();
    }

    private static void check(Path directory, String file, String sql, List<String> mismatches)
            throws IOException
    {
        Path golden = directory.resolve(file);
        if (UPDATE) {
            Files.createDirectories(directory);
            Files.writeString(golden, sql, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden) || !Files.readString(golden, StandardCharsets.UTF_8).equals(sql)) {
            mismatches.add(file);
        }
    }
}
