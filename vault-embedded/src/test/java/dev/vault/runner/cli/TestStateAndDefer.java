package dev.vault.runner.cli;

import dev.vault.core.model.ModelSelector;
import dev.vault.embedded.TestingProjects;
import dev.vault.embedded.TestingVaultEngine;
import dev.vault.runner.StateComparison;
import dev.vault.runner.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dbt's state-based selection and defer on the leads example: prod is built, a developer changes
 * one satellite's description in a copy with schemas of their own, selects {@code state:modified+}
 * against prod's manifest and builds just that, reading everything else from prod.
 */
class TestStateAndDefer
{
    @TempDir
    Path temp;

    @Test
    void developerBuildsOnlyWhatChangedAndReadsTheRestFromProd()
            throws Exception
    {
        Path prod = TestingProjects.copyExample(temp.resolve("prod"), "stateprod");
        try (Vault vault = TestingVaultEngine.configure(prod).seedPaths(List.of(prod.resolve("examples/leads/batch_1"))).load()) {
            assertThat(vault.seed().successful()).isTrue();
            assertThat(vault.run().successful()).isTrue();
        }
        Path state = temp.resolve("prod-state");
        Files.createDirectories(state);
        Files.copy(prod.resolve(".vault/manifest.json"), state.resolve("manifest.json"));

        // the developer's copy: other schemas (silver_statedev, ...), same models: nothing is modified
        Path dev = TestingProjects.copyExample(temp.resolve("dev"), "statedev");
        try (Vault vault = TestingVaultEngine.configure(dev).load()) {
            assertThat(StateComparison.read(state).modified(vault.project(), vault.plan())).isEmpty();
        }

        // one satellite is described anew (its table comment changes); a comment above the hubs moves every hub down its file
        Path satellites = dev.resolve("models/silver/satellites.yml");
        Files.writeString(satellites, Files.readString(satellites).replace("description: History of a person's name, email and phone as the lead sources report them.",
                "description: History of a person's name, email and phone, as each lead source reports them."));
        Path hubs = dev.resolve("models/silver/hubs.yml");
        Files.writeString(hubs, "# hubs of the leads vault\n\n" + Files.readString(hubs));
        try (Vault vault = TestingVaultEngine.configure(dev).load()) {
            StateComparison comparison = StateComparison.read(state);
            assertThat(comparison.modified(vault.project(), vault.plan())).containsExactly("sat_pessoa_detalhes");
            assertThat(new ModelSelector(vault.project(), Optional.of(comparison.modified(vault.project(), vault.plan()))).select(List.of("state:modified+"), List.of()))
                    .containsExactly("sat_pessoa_detalhes", "mart_leads_unificados");
        }

        long prodSatelliteRows = count(prod, "SELECT count(*) FROM iceberg.silver_stateprod.sat_pessoa_detalhes");
        long prodHubSnapshots = count(prod, "SELECT count(*) FROM iceberg.silver_stateprod.\"hub_pessoa$snapshots\"");
        Result run = cli(dev, "run", "--select", "state:modified+", "--state", state.toString(), "--defer");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("sat_pessoa_detalhes", "mart_leads_unificados").doesNotContain("hub_pessoa ");

        // the developer's satellite holds prod's persons and versions, its own hub was never built
        assertThat(count(dev, "SELECT count(*) FROM iceberg.silver_statedev.sat_pessoa_detalhes")).isEqualTo(prodSatelliteRows).isPositive();
        assertThat(count(dev, "SELECT count(*) FROM (SELECT hk_pessoa, hd_pessoa_detalhes FROM iceberg.silver_statedev.sat_pessoa_detalhes "
                + "EXCEPT SELECT hk_pessoa, hd_pessoa_detalhes FROM iceberg.silver_stateprod.sat_pessoa_detalhes)")).isZero();
        assertThat(count(dev, "SELECT count(*) FROM iceberg.information_schema.tables WHERE table_schema = 'silver_statedev' AND table_name = 'hub_pessoa'")).isZero();
        // the mart built here reads the developer's satellite and prod's hub, link and persons
        assertThat(count(dev, "SELECT count(*) FROM iceberg.gold_statedev.mart_leads_unificados"))
                .isEqualTo(count(prod, "SELECT count(*) FROM iceberg.gold_stateprod.mart_leads_unificados")).isPositive();
        // and prod is as it was
        assertThat(count(prod, "SELECT count(*) FROM iceberg.silver_stateprod.\"hub_pessoa$snapshots\"")).isEqualTo(prodHubSnapshots);

        Result noState = cli(dev, "run", "--select", "state:modified+");
        assertThat(noState.exitCode()).isEqualTo(3);
        assertThat(noState.err()).contains("selector 'state:modified+' needs --state DIR");
        Result deferWithoutState = cli(dev, "run", "--defer");
        assertThat(deferWithoutState.exitCode()).isEqualTo(2);
        assertThat(deferWithoutState.err()).contains("--defer needs --state DIR");
        Result missing = cli(dev, "run", "--select", "state:modified+", "--state", temp.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("no manifest.json there");
    }

    private static long count(Path project, String sql)
    {
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            return Long.parseLong(vault.query(sql).rows().getFirst().getFirst().toString());
        }
    }

    private static Result cli(Path project, String... args)
    {
        String[] arguments = Stream.concat(Arrays.stream(args),
                Stream.of("--project-dir", project.toString(), "--jdbc-url", TestingVaultEngine.jdbcUrl())).toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = VaultCli.execute(new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)), arguments);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {}
}
