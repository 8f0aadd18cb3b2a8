package dev.vault.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vault.runner.BuildResult;
import dev.vault.runner.ModelResult;
import dev.vault.runner.RetryResult;
import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Java API leaves and offers without the CLI: build, run and retry write
 * run_results.json and the manifest, and retry runs again exactly what failed or was skipped.
 */
class TestVaultArtifacts
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void buildRunAndRetryLeaveTheirRunResults()
            throws Exception
    {
        Path project = TestingProjects.copyExample(temp.resolve("project"), "api");
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            BuildResult build = vault.build();
            assertThat(build.successful()).isTrue();
            assertThat(build.run()).isPresent();
            assertThat(build.tests()).isPresent();
            JsonNode results = runResults(project);
            assertThat(results.path("command").asText()).isEqualTo("build");
            assertThat(results.path("success").asBoolean()).isTrue();
            assertThat(results.path("tests").size()).isEqualTo(build.tests().orElseThrow().tests().size()).isPositive();
            assertThat(JSON.readTree(project.resolve(".vault/manifest.json").toFile()).path("models").size()).isEqualTo(13);
        }

        Path broken = project.resolve("models/gold/broken.yml");
        TestingProjects.write(broken, """
                marts:
                  - name: mart_broken
                    sql: "SELECT no_such_column FROM {{ ref('hub_pessoa') }}"
                  - name: mart_after_broken
                    sql: "SELECT * FROM {{ ref('mart_broken') }}"
                """);
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            RunResult run = vault.run();
            assertThat(run.model("mart_broken").status()).isEqualTo(ModelResult.Status.FAILED);
            assertThat(run.model("mart_after_broken").status()).isEqualTo(ModelResult.Status.SKIPPED);
            JsonNode results = runResults(project);
            assertThat(results.path("command").asText()).isEqualTo("run");
            assertThat(results.path("success").asBoolean()).isFalse();
            assertThat(statuses(results)).contains("mart_broken failed", "mart_after_broken skipped");
            assertThat(JSON.readTree(project.resolve(".vault/manifest.json").toFile()).path("models").size()).isEqualTo(15);
        }

        TestingProjects.write(broken, """
                marts:
                  - name: mart_broken
                    sql: "SELECT hk_pessoa FROM {{ ref('hub_pessoa') }}"
                  - name: mart_after_broken
                    sql: "SELECT * FROM {{ ref('mart_broken') }}"
                """);
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            RetryResult retry = vault.retry(1);
            assertThat(retry.previousCommand()).isEqualTo("run");
            assertThat(retry.models()).containsExactlyInAnyOrder("mart_broken", "mart_after_broken");
            assertThat(retry.run().orElseThrow().models()).extracting(ModelResult::model).containsExactly("mart_broken", "mart_after_broken");
            assertThat(retry.successful()).isTrue();
            JsonNode results = runResults(project);
            assertThat(results.path("command").asText()).isEqualTo("retry");
            assertThat(statuses(results)).containsExactly("mart_broken success", "mart_after_broken success");

            RetryResult nothing = vault.retry(1);
            assertThat(nothing.previousCommand()).isEqualTo("retry");
            assertThat(nothing.models()).isEmpty();
            assertThat(nothing.run()).isEmpty();
        }
    }

    private static JsonNode runResults(Path project)
            throws Exception
    {
        return JSON.readTree(project.resolve(".vault/run_results.json").toFile());
    }

    private static List<String> statuses(JsonNode results)
    {
        List<String> statuses = new ArrayList<>();
        results.path("results").forEach(entry -> statuses.add(entry.path("model").asText() + " " + entry.path("status").asText()));
        return statuses;
    }
}
