package dev.vault.runner.cli;

import dev.vault.embedded.TestingProjects;
import dev.vault.embedded.TestingVaultEngine;
import dev.vault.runner.Artifacts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI as a user types it, on the shared embedded engine reached with --jdbc-url: output,
 * exit codes, and that an invalid project runs no SQL at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestVaultCliEndToEnd
{
    @TempDir
    static Path temp;

    private Path project;

    @BeforeAll
    void buildExample()
    {
        project = TestingProjects.copyExample(temp.resolve("project"), "cli");
        Result build = vault("build");
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(build.out())
                .contains("OK         hub       hub_pessoa                 inserted 107 persons, 133 records, 0 merges, 0 junk keys")
                .contains("Tests: 33 passed, 0 failed in ");
    }

    @Test
    void queryPrintsCsv()
    {
        Result result = vault("query", "--format", "csv", "select count(*) from iceberg.silver_cli.hub_pessoa");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("_col0\n107\n");
    }

    @Test
    void queryPrintsJsonAndTable()
    {
        String sql = "select id_produtor, count(*) as leads from iceberg.gold_cli.mart_leads_unificados group by 1 order by 1 limit 2";
        Result json = vault("query", "-f", "json", sql);
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).startsWith("[ {\n  \"id_produtor\" : \"PRD-0001\",\n  \"leads\" : ");
        Result table = vault("query", sql);
        assertThat(table.out()).startsWith("id_produtor | leads\n------------+------\nPRD-0001    |");
        assertThat(table.out()).endsWith("(2 rows)\n");
    }

    @Test
    void seedsQueryGivesTheKeysOfVaultHash()
    {
        String query = "SELECT generate_person_hash('João Silva', 'joao@email.com', '11999999999') AS hash_completo, "
                + "generate_person_hash('João Silva', 'joao@email.com', NULL) AS hash_nome_email, "
                + "generate_person_hash(NULL, 'joao@email.com', '11999999999') AS hash_email_telefone";
        Result sql = vault("query", "-f", "csv", query);
        assertThat(sql.exitCode()).as(sql.err()).isZero();
        List<String> lines = sql.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("hash_completo,hash_nome_email,hash_email_telefone");

        String completo = hashOf("--name", "João Silva", "--email", "joao@email.com", "--phone", "11999999999");
        String nomeEmail = hashOf("--name", "João Silva", "--email", "joao@email.com");
        String emailTelefone = hashOf("--email", "joao@email.com", "--phone", "11999999999");
        assertThat(lines.get(1)).isEqualTo(completo + "," + nomeEmail + "," + emailTelefone);
        assertThat(completo).hasSize(64).isNotEqualTo(nomeEmail).isNotEqualTo(emailTelefone);
    }

    private String hashOf(String... parts)
    {
        String[] args = new String[parts.length + 3];
        args[0] = "hash";
        System.arraycopy(parts, 0, args, 1, parts.length);
        args[parts.length + 1] = "--project-dir";
        args[parts.length + 2] = project.toString();
        Result hash = run(project, args);
        assertThat(hash.exitCode()).as(hash.err()).isZero();
        return hash.out().lines()
                .filter(line -> line.startsWith("generate_person_hash"))
                .map(line -> line.substring("generate_person_hash".length()).strip())
                .findFirst().orElseThrow();
    }

    @Test
    void failedQueryExitsWithModelFailure()
    {
        Result result = vault("query", "select * from iceberg.silver_cli.no_such_table");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("error: the query failed").contains("no_such_table");
    }

    @Test
    void secondRunInsertsNothing()
    {
        Result result = vault("run");
        assertThat(result.exitCode()).as(result.err()).isZero();
        // every model is up to date: views unchanged, no input with a new snapshot, no snapshot due
        assertThat(result.out())
                .doesNotContain("inserted")
                .contains("UP-TO-DATE stage     stg_crm_contacts           up to date (definition unchanged)")
                .contains("UP-TO-DATE bridge    bridge_pessoa_produtor")
                .contains("UP-TO-DATE hub       hub_pessoa")
                .contains("UP-TO-DATE mart      mart_leads_unificados")
                .contains("Run: 10 done, 0 failed, 0 skipped, 0 rows written");
    }

    @Test
    void typoInAModelFailsBeforeAnySqlRuns()
            throws Exception
    {
        Path broken = TestingProjects.copyExample(temp.resolve("broken"), "broken");
        Path hubs = broken.resolve("models/silver/hubs.yml");
        String original = Files.readString(hubs);
        Files.writeString(hubs, original.replace("business-keys: [producer_id]", "business-keys: [producr_id]"));
        int line = original.lines().toList().indexOf("    business-keys: [producer_id]") + 1;

        Result result = vaultIn(broken, "build");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err())
                .contains("models/silver/hubs.yml:" + line + ":")
                .contains("unknown column 'producr_id'")
                .contains("did you mean 'producer_id'?");
        assertThat(result.out()).doesNotContain("Connecting").doesNotContain("Connected");
        // nothing was created: not even the bronze schema that seeding starts with
        Result schemas = vault("query", "-f", "csv", "select count(*) from iceberg.information_schema.schemata where schema_name like '%_broken'");
        assertThat(schemas.out()).isEqualTo("_col0\n0\n");
    }

    @Test
    void unreachableClusterExitsWithEngineUnavailable()
    {
        Result result = run(project, "run", "--jdbc-url", "jdbc:trino://127.0.0.1:9/iceberg?password=hunter2secret");
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("cannot reach Trino at jdbc:trino://127.0.0.1:9/iceberg?password=****").doesNotContain("hunter2secret");
    }

    @Test
    void secretsFromFilesNeverShowOnAnUnreachableCluster()
            throws Exception
    {
        String password = "hunter2-from-a-file";
        String token = "eyJhbGciOiJIUzI1NiJ9.hunter3-token.signature";
        Path secrets = TestingProjects.copyExample(temp.resolve("secrets"), "secrets");
        Files.writeString(secrets.resolve("trino-password"), password + "\n");
        Files.writeString(secrets.resolve("trino-token"), token + "\n");
        Path config = secrets.resolve("vault.yml");
        Files.writeString(config, Files.readString(config).replace("targets:\n", """
                targets:
                  by_password:
                    type: trino
                    jdbc-url: jdbc:trino://127.0.0.1:9/iceberg?SSL=true
                    user: etl
                    password-file: trino-password
                  by_token:
                    type: trino
                    jdbc-url: jdbc:trino://127.0.0.1:9/iceberg?SSL=true
                    token-file: trino-token
                """));

        List<Result> results = List.of(
                run(secrets, "run", "--target", "by_password"),
                run(secrets, "build", "--target", "by_token"),
                run(secrets, "run", "--jdbc-url", "jdbc:trino://127.0.0.1:9/iceberg?SSL=true", "--password-file", secrets.resolve("trino-password").toString()),
                run(secrets, "run", "--target", "by_token", "--log-format", "json"));
        for (Result result : results) {
            assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
            assertThat(result.err() + result.out()).contains("cannot reach Trino at jdbc:trino://127.0.0.1:9/iceberg?SSL=true");
            assertThat(result.out()).doesNotContain(password).doesNotContain(token);
            assertThat(result.err()).doesNotContain(password).doesNotContain(token);
        }
        // nor the files vault leaves: logs, run results, manifest
        if (Files.isDirectory(secrets.resolve(".vault"))) {
            try (var files = Files.walk(secrets.resolve(".vault"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(password).doesNotContain(token);
                }
            }
        }

        // an unreadable file is named, with its target, before any connection is tried
        Files.delete(secrets.resolve("trino-token"));
        Result missing = run(secrets, "run", "--target", "by_token");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("target 'by_token' reads its access token from the file " + secrets.toAbsolutePath().normalize().resolve("trino-token"));
        assertThat(missing.out()).doesNotContain("Connecting");
    }

    @Test
    void selectByTagRunsExactlyTheTaggedModels()
            throws Exception
    {
        Path hubs = project.resolve("models/silver/hubs.yml");
        Path links = project.resolve("models/silver/links.yml");
        String originalHubs = Files.readString(hubs);
        String originalLinks = Files.readString(links);
        try {
            // tags: in a model's YAML, a list of names
            Files.writeString(hubs, originalHubs.replace("  - name: hub_produtor\n", "  - name: hub_produtor\n    tags: [producer]\n"));
            Files.writeString(links, originalLinks.replace("  - name: link_pessoa_produtor\n", "  - name: link_pessoa_produtor\n    tags: [producer, daily]\n"));

            Result result = vault("run", "--select", "tag:producer");
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(Artifacts.readRunResults(project.resolve(".vault")).orElseThrow().results())
                    .extracting(Artifacts.ModelEntry::model)
                    .containsExactly("hub_produtor", "link_pessoa_produtor");
            assertThat(result.out()).contains("hub_produtor").contains("link_pessoa_produtor")
                    .doesNotContain("hub_pessoa ").doesNotContain("sat_pessoa_detalhes").doesNotContain("stg_crm_contacts")
                    .contains("Run: 2 done, 0 failed, 0 skipped");

            Result union = vault("run", "--select", "tag:daily,sat_pessoa_detalhes");
            assertThat(union.exitCode()).as(union.err()).isZero();
            assertThat(Artifacts.readRunResults(project.resolve(".vault")).orElseThrow().results())
                    .extracting(Artifacts.ModelEntry::model)
                    .containsExactlyInAnyOrder("link_pessoa_produtor", "sat_pessoa_detalhes");

            Result typo = vault("run", "--select", "tag:producr");
            assertThat(typo.exitCode()).isEqualTo(3);
            assertThat(typo.err()).contains("no model has the tag 'producr'").contains("did you mean 'producer'?");
        }
        finally {
            Files.writeString(hubs, originalHubs);
            Files.writeString(links, originalLinks);
        }
    }

    private Result vault(String... args)
    {
        return vaultIn(project, args);
    }

    private static Result vaultIn(Path projectDirectory, String... args)
    {
        String[] withConnection = new String[args.length + 4];
        System.arraycopy(args, 0, withConnection, 0, args.length);
        withConnection[args.length] = "--project-dir";
        withConnection[args.length + 1] = projectDirectory.toString();
        withConnection[args.length + 2] = "--jdbc-url";
        withConnection[args.length + 3] = TestingVaultEngine.jdbcUrl();
        return run(projectDirectory, withConnection);
    }

    private static Result run(Path projectDirectory, String... args)
    {
        String[] arguments = args;
        if (!Arrays.asList(args).contains("--project-dir")) {
            arguments = Stream.concat(Arrays.stream(args), Stream.of("--project-dir", projectDirectory.toString())).toArray(String[]::new);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = VaultCli.execute(new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)), arguments);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {}
}
