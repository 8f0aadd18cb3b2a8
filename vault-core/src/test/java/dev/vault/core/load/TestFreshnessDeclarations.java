package dev.vault.core.load;

import dev.vault.core.model.Freshness;
import dev.vault.core.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static dev.vault.core.TestingProjects.project;
import static org.assertj.core.api.Assertions.assertThat;

/** A source's {@code freshness:} block: read, and bad durations or fields reported with file:line. */
class TestFreshnessDeclarations
{
    private static final String LOAD_TIMESTAMP = "    load-timestamp: _loaded_at\n";

    @TempDir
    Path directory;

    @Test
    void warnAndErrorAfterWithALoadedAtField()
    {
        Source source = project(directory)
                .replace("models/sources.yml", LOAD_TIMESTAMP, LOAD_TIMESTAMP + "    freshness: {warn-after: 6h, error-after: 1d, loaded-at-field: _loaded_at}\n")
                .load()
                .model("people", Source.class);
        assertThat(source.freshness()).contains(new Freshness(Optional.of(Duration.ofHours(6)), Optional.of(Duration.ofDays(1)), Optional.of("_loaded_at")));
        Freshness freshness = source.freshness().orElseThrow();
        assertThat(freshness.status(Duration.ofHours(6))).isEqualTo(Freshness.Status.PASS);
        assertThat(freshness.status(Duration.ofHours(7))).isEqualTo(Freshness.Status.WARN);
        assertThat(freshness.status(Duration.ofHours(25))).isEqualTo(Freshness.Status.ERROR);
    }

    @Test
    void errorAfterAloneNeverWarns()
    {
        Freshness freshness = project(directory)
                .replace("models/sources.yml", LOAD_TIMESTAMP, LOAD_TIMESTAMP + "    freshness: {error-after: 30m}\n")
                .load()
                .model("people", Source.class)
                .freshness().orElseThrow();
        assertThat(freshness.loadedAtField()).isEmpty();
        assertThat(freshness.status(Duration.ofMinutes(29))).isEqualTo(Freshness.Status.PASS);
        assertThat(freshness.status(Duration.ofMinutes(31))).isEqualTo(Freshness.Status.ERROR);
    }

    @Test
    void noFreshnessByDefault()
    {
        assertThat(project(directory).load().model("people", Source.class).freshness()).isEmpty();
    }

    @Test
    void badDurationIsReportedWhereItIs()
    {
        assertThat(project(directory).replace("models/sources.yml", LOAD_TIMESTAMP, LOAD_TIMESTAMP + "    freshness: {warn-after: 6 hours, error-after: 1d}\n").problem())
                .hasToString("models/sources.yml:5:29: 'warn-after' of 'freshness' of source 'people' must be a whole number above 0 and a unit (m, h, d) with no space, e.g. 6h or 1d; found '6 hours'");
    }

    @Test
    void warnAfterLongerThanErrorAfter()
    {
        assertThat(project(directory).replace("models/sources.yml", LOAD_TIMESTAMP, LOAD_TIMESTAMP + "    freshness: {warn-after: 2d, error-after: 1d}\n").problem())
                .hasToString("models/sources.yml:5:29: 'warn-after' of 'freshness' of source 'people' (2d) is longer than its 'error-after' (1d): a source would fail before it warns");
    }

    @Test
    void neitherThreshold()
    {
        assertThat(project(directory).replace("models/sources.yml", LOAD_TIMESTAMP, LOAD_TIMESTAMP + "    freshness: {loaded-at-field: _loaded_at}\n").problem())
                .hasToString("models/sources.yml:5:16: 'freshness' of source 'people' needs 'warn-after:', 'error-after:' or both, e.g. {warn-after: 6h, error-after: 1d}");
    }

    @Test
    void loadedAtFieldMustBeATimestampColumn()
    {
        assertThat(project(directory).replace("models/sources.yml", LOAD_TIMESTAMP, LOAD_TIMESTAMP + "    freshness: {warn-after: 6h, loaded-at-field: loaded_at}\n").problem())
                .hasToString("models/sources.yml:5:50: 'loaded-at-field' of 'freshness' of source 'people' names 'loaded_at', which is not one of its columns; did you mean '_loaded_at'?");
        assertThat(project(directory).replace("models/sources.yml", LOAD_TIMESTAMP, LOAD_TIMESTAMP + "    freshness: {warn-after: 6h, loaded-at-field: age}\n").problem())
                .hasToString("models/sources.yml:5:50: 'loaded-at-field' of 'freshness' of source 'people' must be a timestamp or date column; 'age' is integer");
    }

    @Test
    void unknownKeyInTheBlock()
    {
        assertThat(project(directory).replace("models/sources.yml", LOAD_TIMESTAMP, LOAD_TIMESTAMP + "    freshness: {warn_after: 6h, error-after: 1d}\n").problems())
                .extracting(Problem::toString)
                .first().asString().contains("models/sources.yml:5:17: unknown key 'warn_after'").contains("did you mean 'warn-after'?");
    }
}
