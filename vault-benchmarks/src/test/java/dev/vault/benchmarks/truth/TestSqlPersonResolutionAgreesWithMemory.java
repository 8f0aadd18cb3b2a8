package dev.vault.benchmarks.truth;

import com.google.common.collect.ImmutableList;
import dev.vault.benchmarks.truth.PersonRecordsGenerator.Shape;
import dev.vault.benchmarks.truth.TypedIdentityQuality.Configuration;
import dev.vault.core.identity.IdentityUnifier;
import dev.vault.runner.ModelResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./bench persons --engine sql} on a few hundred labelled person records of each shape:
 * the warehouse's SQL, configured by the project the benchmark writes (typed parts, keys,
 * comparisons, junk guard), finds exactly the persons and junk that vault's
 * {@link IdentityUnifier} finds in memory, and the comparison step joins records the keys alone
 * leave apart.
 */
class TestSqlPersonResolutionAgreesWithMemory
{
    private static final long SEED = 20261204L;
    private static final int PERSONS = 250;

    @TempDir
    Path work;

    @Test
    void theRecommendedConfigurationsResolveTheSamePersonsInSqlAsInMemory()
    {
        for (Shape shape : Shape.values()) {
            List<PersonRecordsGenerator.PersonRecord> records = new PersonRecordsGenerator(SEED).generate(shape, PERSONS);
            Configuration configuration = TypedIdentityQualityMain.configuration(TypedIdentityQualityMain.recommended(shape));
            IdentityUnifier.Result memory = TypedIdentityQuality.unify(configuration, records);

            SqlPersonResolution.Outcome sql = SqlPersonResolution.run(configuration, records, work.resolve(shape.name()), line -> {});

            assertThat(sql.result().personOf().keySet()).as(shape.name()).containsExactlyInAnyOrderElementsOf(memory.personOf().keySet());
            PartitionComparison comparison = PartitionComparison.of("memory", memory.personOf(), "sql", sql.result().personOf());
            assertThat(PartitionComparison.partition(sql.result().personOf())).as(comparison.format(20))
                    .isEqualTo(PartitionComparison.partition(memory.personOf()));
            assertThat(sql.result().junkKeys()).containsExactlyInAnyOrderElementsOf(memory.junkKeys());
            assertThat(sql.identityHub().status()).isEqualTo(ModelResult.Status.SUCCESS);
            assertThat(sql.identityHub().rowsWritten()).hasValue(PartitionComparison.partition(memory.personOf()).size());
            assertThat(sql.bronze().rows()).isEqualTo(records.size());

            // the data is not trivial: the comparison step joins typos the keys alone leave apart
            Configuration keysOnly = new Configuration("keys only", "", configuration.keys(), ImmutableList.of(),
                    configuration.maxRecordsPerKey());
            TypedIdentityQuality.Score withComparisons = TypedIdentityQuality.score(configuration, records, sql.result());
            TypedIdentityQuality.Score withoutComparisons = TypedIdentityQuality.score(keysOnly, records);
            assertThat(withComparisons.persons()).as(shape.name()).isLessThan(withoutComparisons.persons());
            assertThat(withComparisons.recall()).isGreaterThan(withoutComparisons.recall());
        }
    }

    @Test
    void theWrittenProjectDeclaresEveryTypedPartOnTheStage(@TempDir Path target)
            throws Exception
    {
        Path project = SqlPersonResolution.writeProject(TypedIdentityQualityMain.configuration("recommended-id"), target);
        String stages = Files.readString(project.resolve("models").resolve("staging.yml"));
        assertThat(stages)
                .contains("birth_date: {column: birth_date, kind: date}")
                .contains("national_id: {column: national_id, kind: document}")
                .contains("postcode: {column: postcode, kind: postcode}")
                .contains("sorted_name: {column: name, kind: sorted_name}");
        assertThat(Files.readString(project.resolve("vault.yml")))
                .contains("    cmp_id_within_dob:\n      block-on: [birth_date]\n      max-block-size: 200\n      max-edits: {national_id: 1}\n")
                .contains("max-records-per-key: 50");
    }
}
