package dev.vault.core.load;

import dev.vault.core.maintenance.DataSize;
import dev.vault.core.maintenance.MaintenancePolicy;
import dev.vault.core.maintenance.MaintenancePolicy.ExpireSnapshots;
import dev.vault.core.maintenance.MaintenancePolicy.Optimize;
import dev.vault.core.maintenance.MaintenancePolicy.RemoveOrphanFiles;
import dev.vault.core.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import static dev.vault.core.TestingProjects.VAULT_YML;
import static dev.vault.core.TestingProjects.project;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@code maintenance:} blocks of vault.yml and of models, read through {@link ProjectLoader}. */
class TestMaintenanceReader
{
    @TempDir
    Path directory;

    @Test
    void withoutBlocksEveryTableButSourcesGetsTrinosDefaults()
    {
        Project project = project(directory).load();
        assertThat(project.config().maintenance().sources()).isFalse();
        assertThat(project.maintenance().keySet()).containsExactlyInAnyOrder("hub_person", "hub_company", "link_person_company", "sat_person", "mart_people");
        assertThat(project.maintenance("hub_person")).contains(MaintenancePolicy.DEFAULT);
        assertThat(project.maintenance("stg_people")).isEmpty();
        assertThat(project.maintenance("people")).isEmpty();
    }

    @Test
    void modelBlocksOverrideTheProjectKeyByKey()
    {
        Project project = project(directory)
                .file("vault.yml", VAULT_YML + """
                        maintenance:
                          sources: true
                          optimize: {file-size-threshold: 64MB}
                          expire-snapshots: {older-than: 14d, keep-last: 5}
                          remove-orphan-files: false
                          analyze: false
                        """)
                .replace("models/hubs.yml", "    sources: [stg_people]\n\n", """
                            sources: [stg_people]
                            maintenance:
                              optimize: false
                              expire-snapshots: {keep-last: 2}
                              remove-orphan-files: true
                              analyze: true

                        """)
                .replace("models/satellites.yml", "    sources: [stg_people]\n", "    sources: [stg_people]\n    maintenance: {enabled: false}\n")
                .load();
        MaintenancePolicy projectPolicy = new MaintenancePolicy(
                Optional.of(new Optimize(DataSize.ofMegabytes(64))), true,
                Optional.of(new ExpireSnapshots(Duration.ofDays(14), OptionalInt.of(5))), Optional.empty(), false);
        assertThat(project.maintenance("hub_company")).contains(projectPolicy);
        assertThat(project.maintenance("people")).contains(projectPolicy);
        assertThat(project.maintenance("hub_person")).contains(new MaintenancePolicy(
                Optional.empty(), true,
                Optional.of(new ExpireSnapshots(Duration.ofDays(14), OptionalInt.of(2))),
                Optional.of(new RemoveOrphanFiles(Duration.ofDays(7))), true));
        assertThat(project.maintenance("sat_person")).isEmpty();
    }

    @Test
    void durationsAndSizesAreParsedStrictly()
    {
        assertThat(project(directory)
                .file("vault.yml", VAULT_YML + """
                        maintenance:
                          optimize: {file-size-threshold: 128 mb}
                          expire-snapshots: {older-than: 1.5d, keep-last: 0}
                          remove-orphan-files: {older-than: P7D}
                          analyze: yes
                          vacuum: true
                        """)
                .problems())
                .extracting(Object::toString)
                .containsExactly(
                        "vault.yml:5:35: 'file-size-threshold' of 'optimize' of 'maintenance' of vault.yml must be a whole number and a unit (B, kB, MB, GB, TB) with no space, e.g. 128MB; found '128 mb'",
                        "vault.yml:6:34: 'older-than' of 'expire-snapshots' of 'maintenance' of vault.yml must be a whole number and a unit (ms, s, m, h, d) with no space, e.g. 7d; found '1.5d'",
                        "vault.yml:6:51: 'keep-last' of 'expire-snapshots' of 'maintenance' of vault.yml must be between 1 and 1000000, found 0",
                        "vault.yml:7:37: 'older-than' of 'remove-orphan-files' of 'maintenance' of vault.yml must be a whole number and a unit (ms, s, m, h, d) with no space, e.g. 7d; found 'P7D'",
                        "vault.yml:8:12: 'analyze' of 'maintenance' of vault.yml must be true or false, found 'yes'",
                        "vault.yml:9:3: unknown key 'vacuum' in 'maintenance' of vault.yml; expected one of: analyze, expire-snapshots, optimize, optimize-manifests, remove-orphan-files, sources");
    }

    @Test
    void modelBlockProblemsNameTheModel()
    {
        assertThat(project(directory)
                .replace("models/links.yml", "    sources: [stg_people]\n", "    sources: [stg_people]\n    maintenance: {optimise: true}\n")
                .problem())
                .hasToString("models/links.yml:6:19: unknown key 'optimise' in 'maintenance' of link 'link_person_company'; did you mean 'optimize'?");
        assertThat(project(directory)
                .replace("models/marts.yml", "  - name: mart_people\n", "  - name: mart_people\n    materialized: view\n    maintenance: {analyze: true}\n")
                .problem())
                .hasToString("models/marts.yml:4:18: mart 'mart_people' is a view: it has no table to maintain; remove 'maintenance:' or make it 'materialized: table'");
    }
}
