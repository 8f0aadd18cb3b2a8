package dev.vault.benchmarks.truth;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.vault.core.identity.IdentityHasher;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.core.identity.IdentityUnifier;
import dev.vault.core.load.ProjectLoader;
import dev.vault.core.project.ProjectConfig;
import dev.vault.runner.ModelResult;
import dev.vault.sql.dialect.TrinoDialect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated leads (junk values, families sharing phones, typos, which the small example has
 * few of) seeded into a copy of the example project and unified by the real SQL on the embedded
 * Trino: the persons are exactly those {@link IdentityUnifier} finds in memory, and so are the
 * junk keys. One engine for the class, started by the one SQL run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestSqlUnificationAgreesWithMemory
{
    private static final long SEED = 20261101L;
    private static final int PERSONS = 2_000;
    /** The repository root, seen from this module's directory (Maven runs tests there). */
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    static Path work;

    private GroundTruth truth;
    private IdentityHasher hasher;
    private IdentityUnifier.Result memory;
    private SqlUnification.Outcome sql;

    @BeforeAll
    void unifyBothWays()
    {
        truth = new GroundTruthGenerator(SEED).generate(PERSONS);
        IdentitySettings settings = IdentitySettings.defaults();
        hasher = new IdentityHasher(settings);
        memory = new IdentityUnifier(hasher).unify(truth.leads().stream()
                .map(lead -> new IdentityUnifier.Lead(lead.recordId(), lead.name(), lead.email(), lead.phone()))
                .toList());
        sql = SqlUnification.run(truth, settings, REPOSITORY, work, line -> {});
    }

    @Test
    void sqlAndMemoryPartitionTheRecordsIntoTheSamePersons()
    {
        assertThat(sql.result().personOf().keySet()).containsExactlyInAnyOrderElementsOf(truth.truth().keySet());

        Set<ImmutableSortedSet<String>> sqlPersons = PartitionComparison.partition(sql.result().personOf());
        Set<ImmutableSortedSet<String>> memoryPersons = PartitionComparison.partition(memory.personOf());
        PartitionComparison comparison = PartitionComparison.of("memory", memory.personOf(), "sql", sql.result().personOf());
        assertThat(sqlPersons).as(comparison.format(20)).isEqualTo(memoryPersons);

        // the data is not trivial: families and typos leave persons split and merged
        QualityReport.Metrics metrics = QualityReport.metrics(truth.truth(), sql.result().personOf());
        assertThat(metrics.mergedClusters()).isPositive();
        assertThat(metrics.splitPersons()).isPositive();
        assertThat(sqlPersons.size()).isGreaterThan(PERSONS).isLessThan(truth.leads().size());
        // one person per cluster inserted into the hub in this first run
        assertThat(sql.identityHub().status()).isEqualTo(ModelResult.Status.SUCCESS);
        assertThat(sql.identityHub().rowsWritten()).hasValue(sqlPersons.size());
        assertThat(sql.rounds()).isNotEmpty();
        assertThat(sql.rounds().getLast().treesHooked()).isZero();
        // the seed files hold up to SEED_ROWS rows of each source, the rest is appended: both paths ran
        long seeded = Stream.of(Source.values())
                .mapToLong(source -> Math.min(SqlUnification.SEED_ROWS, truth.leads().stream().filter(lead -> lead.source() == source).count()))
                .sum();
        assertThat(sql.seed().rowsWritten()).isEqualTo(seeded);
        assertThat(sql.append().rows()).isPositive().isEqualTo(truth.leads().size() - seeded);
    }

    @Test
    void theCopiedProjectHasTheSettingsUnderTest(@TempDir Path target)
    {
        IdentitySettings settings = new IdentitySettings("BR", ImmutableList.of(
                IdentityQualityMain.parseKey("email=email"), IdentityQualityMain.parseKey("name_phone=name+phone"),
                IdentityQualityMain.parseKey("name_email_phone=name+email+phone")), 7);
        Path project = SqlUnification.copyProject(REPOSITORY, target, settings);
        ProjectConfig config = ProjectLoader.load(project, TrinoDialect.INSTANCE).config();
        assertThat(config.identity()).isEqualTo(settings);
        assertThat(config.seedPaths()).containsExactly(project.resolve("seeds").toAbsolutePath().normalize());
    }

    @Test
    void sqlAndMemoryFindTheSameJunkKeys()
    {
        // the planted teste@teste.com and 11999999999 of the producers' test submissions
        assertThat(memory.junkKeys()).isNotEmpty();
        assertThat(sql.result().junkKeys()).containsExactlyInAnyOrderElementsOf(memory.junkKeys());

        Map<String, String> sqlSamples = new HashMap<>();
        sql.result().junkKeys().forEach(junk -> sqlSamples.put(junk.key() + "/" + junk.value(), sql.junkSamples().get(junk.key() + "/" + junk.value())));
        assertThat(sqlSamples).isEqualTo(EngineAgreement.memorySamples(truth, hasher, memory));
        assertThat(sqlSamples).containsValue("teste@teste.com");
        assertThat(sqlSamples.values()).anySatisfy(sample -> assertThat(sample).contains("11999999999"));

        assertThat(EngineAgreement.of(truth, hasher, memory, sql).agree()).isTrue();
    }

    @Test
    void theQualityReportOfTheSqlPersonsIsTheInMemoryOne()
    {
        QualityReport fromSql = QualityReport.of(truth, sql.result(), hasher);
        QualityReport fromMemory = QualityReport.of(truth, memory, hasher);
        assertThat(fromSql.metrics()).isEqualTo(fromMemory.metrics());
        assertThat(fromSql.junkKeys()).isEqualTo(fromMemory.junkKeys());
        assertThat(fromSql.plantedJunk()).isEqualTo(fromMemory.plantedJunk());
        assertThat(List.of(fromSql.splitOffRecords(), fromSql.mergedInRecords())).isEqualTo(List.of(fromMemory.splitOffRecords(), fromMemory.mergedInRecords()));
        assertThat(fromSql.variations()).isEqualTo(fromMemory.variations());
    }
}
