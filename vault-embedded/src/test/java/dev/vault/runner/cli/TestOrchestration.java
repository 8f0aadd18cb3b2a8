package dev.vault.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vault.embedded.TestingProjects;
import dev.vault.embedded.TestingVaultEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an orchestrator sees: a selected run with JSON logs where a broken model fails, its
 * descendants are skipped and the rest succeed; run_results.json; then 'vault retry' runs only
 * what failed or was skipped.
 */
class TestOrchestration
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void brokenModelSkipsItsDescendantsAndRetryRunsOnlyThose()
            throws Exception
    {
        Path project = TestingProjects.copyExample(temp.resolve("project"), "orch");
        assertThat(vault(project, "seed").exitCode()).isZero();
        assertThat(vault(project, "run").exitCode()).isZero();
        Path broken = project.resolve("models/gold/broken.yml");
        TestingProjects.write(broken, """
                marts:
                  - name: mart_broken
                    sql: "SELECT no_such_column FROM {{ ref('hub_pessoa') }}"
                  - name: mart_after_broken
                    sql: "SELECT * FROM {{ ref('mart_broken') }}"
                """);

        Result run = vault(project, "run", "--select", "hub_pessoa+", "--log-format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        List<JsonNode> events = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            events.add(JSON.readTree(line)); // every line is one JSON object
        }
        assertThat(events).allSatisfy(event -> assertThat(event.has("ts") && event.has("event")).isTrue());
        // hub_produtor is not selected: it does not run
        assertThat(finished(events)).containsExactly(
                "hub_pessoa up_to_date",
                "link_pessoa_produtor up_to_date",
                "sat_pessoa_detalhes up_to_date",
                "mart_broken failed",
                "mart_after_broken skipped",
                "mart_leads_unificados up_to_date",
                "bridge_pessoa_produtor up_to_date");
        JsonNode failed = events.stream().filter(event -> event.path("model").asText().equals("mart_broken") && event.path("event").asText().equals("model_finished")).findFirst().orElseThrow();
        assertThat(failed.path("error").asText()).contains("mart 'mart_broken' (models/gold/broken.yml:2:5) failed").contains("no_such_column");
        assertThat(events.getLast().path("event").asText()).isEqualTo("summary");
        assertThat(events.getLast().path("failed").asInt()).isEqualTo(1);
        assertThat(events.getLast().path("skipped").asInt()).isEqualTo(1);

        JsonNode results = JSON.readTree(project.resolve(".vault/run_results.json").toFile());
        assertThat(results.path("schema").asText()).isEqualTo("vault/run-results/v1");
        assertThat(results.path("command").asText()).isEqualTo("run");
        assertThat(results.path("success").asBoolean()).isFalse();
        assertThat(results.path("target").asText()).startsWith("jdbc:trino://");
        assertThat(statuses(results)).containsExactly(
                "hub_pessoa up_to_date", "link_pessoa_produtor up_to_date", "sat_pessoa_detalhes up_to_date",
                "mart_broken failed", "mart_after_broken skipped", "mart_leads_unificados up_to_date", "bridge_pessoa_produtor up_to_date");
        JsonNode manifest = JSON.readTree(project.resolve(".vault/manifest.json").toFile());
        assertThat(manifest.path("schema").asText()).isEqualTo("vault/manifest/v1");
        // 3 sources, 3 stages, 2 hubs, a link, a satellite, 3 marts, a snapshot control table and a bridge
        assertThat(manifest.path("models").size()).isEqualTo(15);

        // the fix, then a retry of exactly what failed or was skipped
        TestingProjects.write(broken, """
                marts:
                  - name: mart_broken
                    sql: "SELECT hk_pessoa FROM {{ ref('hub_pessoa') }}"
                  - name: mart_after_broken
                    sql: "SELECT * FROM {{ ref('mart_broken') }}"
                """);
        Result retry = vault(project, "retry");
        assertThat(retry.exitCode()).as(retry.err()).isZero();
        assertThat(retry.out())
                .contains("OK         mart      mart_broken")
                .contains("OK         mart      mart_after_broken")
                .doesNotContain("hub_pessoa ")
                .contains("Retry: 2 done, 0 failed, 0 skipped");
        assertThat(JSON.readTree(project.resolve(".vault/run_results.json").toFile()).path("command").asText()).isEqualTo("retry");

        Result nothing = vault(project, "retry");
        assertThat(nothing.exitCode()).isZero();
        assertThat(nothing.out()).contains("Nothing to retry");
    }

    @Test
    void usageAndProjectErrorsAreJsonToo()
            throws Exception
    {
        Path project = TestingProjects.copyExample(temp.resolve("bad"), "orch_bad");
        Result unknown = vault(project, "run", "--select", "hub_pesoa", "--log-format", "json");
        assertThat(unknown.exitCode()).isEqualTo(3);
        JsonNode error = JSON.readTree(unknown.out().lines().reduce((first, second) -> second).orElseThrow());
        assertThat(error.path("event").asText()).isEqualTo("error");
        assertThat(error.path("code").asText()).isEqualTo("invalid_project");
        assertThat(error.path("exit_code").asInt()).isEqualTo(3);
        assertThat(error.path("message").asText()).contains("did you mean 'hub_pessoa'?");
    }

    private static List<String> finished(List<JsonNode> events)
    {
        return events.stream()
                .filter(event -> event.path("event").asText().equals("model_finished"))
                .map(event -> event.path("model").asText() + " " + event.path("status").asText())
                .toList();
    }

    private static List<String> statuses(JsonNode results)
    {
        List<String> statuses = new ArrayList<>();
        results.path("results").forEach(entry -> statuses.add(entry.path("model").asText() + " " + entry.path("status").asText()));
        return statuses;
    }

    private static Result vault(Path project, String... args)
    {
        String[] arguments = Stream.concat(Stream.of(args), Stream.of("--project-dir", project.toString(), "--jdbc-url", TestingVaultEngine.jdbcUrl()))
                .toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = VaultCli.execute(new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)), arguments);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {}
}
