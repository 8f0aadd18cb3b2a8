package dev.vault.embedded;

import dev.vault.runner.RunResult;
import dev.vault.runner.StatementProgress;
import dev.vault.runner.Vault;
import dev.vault.runner.VaultListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trino's figures of every statement reach the listener while it runs and when it ends, named
 * by the model that sent it, on the main thread and on worker threads alike. (How often the CLI
 * shows them is TestStatementProgressReports'.)
 */
class TestStatementProgress
{
    @TempDir
    Path temp;

    @Test
    void everyStatementReportsItsProgressAndItsEndNamingItsModel()
    {
        Path project = TestingProjects.copyExample(temp.resolve("project"), "progress");
        List<StatementProgress> progress = new CopyOnWriteArrayList<>();
        List<StatementProgress> finished = new CopyOnWriteArrayList<>();
        VaultListener listener = new VaultListener()
        {
            @Override
            public void statementProgress(StatementProgress report)
            {
                progress.add(report);
            }

            @Override
            public void statementFinished(StatementProgress last)
            {
                finished.add(last);
            }
        };
        try (Vault vault = TestingVaultEngine.configure(project).listener(listener).load()) {
            assertThat(vault.seed().successful()).isTrue();
            progress.clear();
            finished.clear();

            // two threads: the models run on worker threads, each with a connection of its own
            RunResult run = vault.run(Set.of("stg_crm_contacts", "stg_facebook_leads", "stg_google_leads", "hub_produtor"), 2);
            assertThat(run.failures()).isEmpty();
            assertThat(progress).isNotEmpty();
            assertThat(progress).allSatisfy(report -> assertThat(report.queryId()).isNotBlank());
            assertThat(finished.stream().map(StatementProgress::model).flatMap(Optional::stream).collect(toSet()))
                    .contains("stg_crm_contacts", "stg_facebook_leads", "hub_produtor");
            // each statement's end comes once, after its reports, with Trino's final figures
            assertThat(finished.stream().map(StatementProgress::queryId).distinct()).hasSameSizeAs(finished);
            assertThat(finished.stream().map(StatementProgress::queryId).collect(toSet()))
                    .containsAll(progress.stream().map(StatementProgress::queryId).collect(toSet()));
            assertThat(finished).allSatisfy(last -> assertThat(last.state()).isEqualTo("FINISHED"));
            StatementProgress hubLoad = finished.stream()
                    .filter(last -> last.model().equals(Optional.of("hub_produtor")) && last.processedRows() > 0)
                    .findFirst().orElseThrow();
            assertThat(hubLoad.totalSplits()).isPositive();
            assertThat(hubLoad.completedSplits()).isEqualTo(hubLoad.totalSplits());

            // a statement of no model
            progress.clear();
            finished.clear();
            vault.query("SELECT count(*) FROM UNNEST(sequence(1, 1000))");
            assertThat(finished).singleElement().satisfies(last -> {
                assertThat(last.model()).isEmpty();
                assertThat(last.state()).isEqualTo("FINISHED");
            });
        }
    }
}
