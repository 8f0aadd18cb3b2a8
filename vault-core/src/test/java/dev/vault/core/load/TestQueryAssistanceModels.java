package dev.vault.core.load;

import dev.vault.core.dialect.TestingDialect;
import dev.vault.core.dialect.TestingJdbcDriver;
import dev.vault.core.model.Bridge;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Pit;
import dev.vault.core.model.Project;
import dev.vault.core.model.SnapshotControl;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.vault.core.TestingProjects.project;
import static org.assertj.core.api.Assertions.assertThat;

/** Snapshot control tables, PITs and bridges: read, validated against the models they point at, and placed in the DAG. */
class TestQueryAssistanceModels
{
    private static final String FILE = "models/query.yml";
    private static final String MODELS = """
            snapshots:
              - name: control_snapshots
                start-date: 2026-01-01
            pits:
              - name: pit_person
                parent: hub_person
                satellites: [sat_person]
                snapshots: control_snapshots
            bridges:
              - name: bridge_person_company
                hub: hub_person
                path: [link_person_company]
                snapshots: control_snapshots
            """;

    @TempDir
    Path directory;

    @Test
    void readsTheModelsAndTheirEdges()
    {
        Project project = project(directory).file(FILE, MODELS.replace("start-date: 2026-01-01", "start-date: 2026-01-01\n    end-date: 2026-02-01\n    time: \"07:30\"")).load();
        SnapshotControl control = project.model("control_snapshots", SnapshotControl.class);
        assertThat(control.start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(control.end()).isEqualTo(Optional.of(LocalDate.of(2026, 2, 1)));
        assertThat(control.time()).isEqualTo(LocalTime.of(7, 30));
        assertThat(control.kind()).isEqualTo(ModelKind.SNAPSHOT_CONTROL);
        assertThat(project.model("pit_person", Pit.class).satellites()).containsExactly("sat_person");
        assertThat(project.model("bridge_person_company", Bridge.class).path()).containsExactly("link_person_company");
        assertThat(project.graph().parents("pit_person")).containsExactlyInAnyOrder("hub_person", "sat_person", "control_snapshots");
        assertThat(project.graph().parents("bridge_person_company")).containsExactlyInAnyOrder("hub_person", "link_person_company", "control_snapshots");
    }

    @Test
    void pitSatelliteMustBelongToItsParent()
    {
        assertThat(project(directory).file(FILE, MODELS.replace("parent: hub_person", "parent: hub_company")).problem())
                .hasToString("models/query.yml:7:18: satellite 'sat_person' of pit 'pit_person' belongs to 'hub_person', not to the PIT's parent 'hub_company'; list satellites of 'hub_company' only");
    }

    @Test
    void unknownSatelliteGetsASuggestion()
    {
        assertThat(project(directory).file(FILE, MODELS.replace("[sat_person]", "[sat_persn]")).problem())
                .hasToString("models/query.yml:7:18: point-in-time table 'pit_person' refers to satellite 'sat_persn', which does not exist; did you mean 'sat_person'?");
    }

    @Test
    void snapshotsMustBeASnapshotControlTable()
    {
        assertThat(project(directory).file(FILE, MODELS.replace("    snapshots: control_snapshots\nbridges", "    snapshots: hub_person\nbridges")).problem())
                .hasToString("models/query.yml:8:16: point-in-time table 'pit_person' refers to 'hub_person' under 'snapshots', which is a hub; it must be a snapshot control table");
    }

    @Test
    void bridgeFollowingALinkTwiceIsRefused()
    {
        assertThat(project(directory).file(FILE, MODELS.replace("hub: hub_person", "hub: hub_company").replace("    path: [link_person_company]", "    path: [link_person_company, link_person_company]")).problem())
                .hasToString("models/query.yml:12:33: 'link_person_company' is listed twice in 'path' of bridge 'bridge_person_company'");
    }

    @Test
    void badDatesAndTimesAreReported()
    {
        assertThat(project(directory).file(FILE, MODELS.replace("start-date: 2026-01-01", "start-date: 2026-13-01\n    time: noon")).problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "models/query.yml:3:17: 'start-date' of snapshot control table 'control_snapshots' must be a date like 2026-01-01, not '2026-13-01'",
                        "models/query.yml:4:11: 'time' of snapshot control table 'control_snapshots' must be a time of day in UTC like '00:00:00' or '07:30', not 'noon'");
    }

    @Test
    void pitRefusesSatellitesOfAnIdentityHub()
            throws IOException
    {
        Path copy = directory.resolve("example");
        Path example = Path.of("..");
        try (Stream<Path> files = Files.walk(example.resolve("models"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(example.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Files.copy(example.resolve("vault.yml"), copy.resolve("vault.yml"));
        Files.writeString(copy.resolve("models/silver/pits.yml"), """
                pits:
                  - name: pit_pessoa
                    parent: hub_pessoa
                    satellites: [sat_pessoa_detalhes]
                    snapshots: control_snapshots
                """);
        assertThat(Assertions.catchThrowableOfType(Problems.InvalidProjectException.class, () -> ProjectLoader.load(copy, TestingDialect.INSTANCE, TestingJdbcDriver.INSTANCE)).problems())
                .extracting(Problem::toString)
                .containsExactly("models/silver/pits.yml:4:18: satellite 'sat_pessoa_detalhes' of pit 'pit_pessoa' keeps history per dependent child key "
                        + "(identity_record, as every satellite of an identity hub), so a key has several current rows and a PIT cannot point at one; "
                        + "leave it out of the PIT and join it by key and load time");
    }

    @Test
    void missingStartDate()
    {
        assertThat(project(directory).file(FILE, MODELS.replace("    start-date: 2026-01-01\n", "")).problem())
                .hasToString("models/query.yml:2:5: snapshot control table 'control_snapshots' is missing 'start-date:'");
    }
}
