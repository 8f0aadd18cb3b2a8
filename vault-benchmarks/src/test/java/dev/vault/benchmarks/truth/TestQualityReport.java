package dev.vault.benchmarks.truth;

import dev.vault.benchmarks.truth.QualityReport.Metrics;
import dev.vault.core.identity.IdentitySettings;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Pairwise metrics on hand-made clusterings, and the whole report on generated data. */
class TestQualityReport
{
    // true persons: A = {a1, a2}, B = {b1, b2, b3}, C = {c1}: 1 + 3 + 0 = 4 true pairs
    private static final Map<String, String> TRUTH = ordered(
            "a1", "A", "a2", "A",
            "b1", "B", "b2", "B", "b3", "B",
            "c1", "C");

    @Test
    void perfectClustering()
    {
        Metrics metrics = QualityReport.metrics(TRUTH, ordered(
                "a1", "x", "a2", "x",
                "b1", "y", "b2", "y", "b3", "y",
                "c1", "z"));
        assertThat(metrics.precision()).isEqualTo(1.0);
        assertThat(metrics.recall()).isEqualTo(1.0);
        assertThat(metrics.f1()).isEqualTo(1.0);
        assertThat(metrics.truePairs()).isEqualTo(4);
        assertThat(metrics.predictedPairs()).isEqualTo(4);
        assertThat(metrics.correctPairs()).isEqualTo(4);
        assertThat(metrics.truePersons()).isEqualTo(3);
        assertThat(metrics.predictedClusters()).isEqualTo(3);
        assertThat(metrics.exactClusters()).isEqualTo(3);
        assertThat(metrics.splitPersons()).isZero();
        assertThat(metrics.mergedClusters()).isZero();
    }

    @Test
    void allInOneCluster()
    {
        Map<String, String> predicted = new HashMap<>();
        TRUTH.keySet().forEach(id -> predicted.put(id, "everyone"));
        Metrics metrics = QualityReport.metrics(TRUTH, predicted);
        // 6 records: 15 predicted pairs, of which the 4 true ones are correct
        assertThat(metrics.predictedPairs()).isEqualTo(15);
        assertThat(metrics.correctPairs()).isEqualTo(4);
        assertThat(metrics.recall()).isEqualTo(1.0);
        assertThat(metrics.precision()).isCloseTo(4.0 / 15, within(1e-12));
        assertThat(metrics.f1()).isCloseTo(2 * (4.0 / 15) / (4.0 / 15 + 1), within(1e-12));
        assertThat(metrics.predictedClusters()).isEqualTo(1);
        assertThat(metrics.exactClusters()).isZero();
        assertThat(metrics.mergedClusters()).isEqualTo(1);
        assertThat(metrics.splitPersons()).isZero();
    }

    @Test
    void allSingletons()
    {
        Map<String, String> predicted = new HashMap<>();
        TRUTH.keySet().forEach(id -> predicted.put(id, id));
        Metrics metrics = QualityReport.metrics(TRUTH, predicted);
        assertThat(metrics.recall()).isZero();
        assertThat(metrics.predictedPairs()).isZero();
        assertThat(metrics.precision()).as("nothing predicted together: nothing wrong").isEqualTo(1.0);
        assertThat(metrics.f1()).isZero();
        assertThat(metrics.predictedClusters()).isEqualTo(6);
        assertThat(metrics.exactClusters()).as("only c1 is a whole person").isEqualTo(1);
        assertThat(metrics.splitPersons()).isEqualTo(2);
    }

    @Test
    void splitAndMergeComputedByHand()
    {
        // x = {a1, a2, b1}: pairs a1a2 (correct), a1b1, a2b1; y = {b2, b3}: b2b3 (correct); z = {c1}
        Metrics metrics = QualityReport.metrics(TRUTH, ordered(
                "a1", "x", "a2", "x", "b1", "x",
                "b2", "y", "b3", "y",
                "c1", "z"));
        assertThat(metrics.predictedPairs()).isEqualTo(4);
        assertThat(metrics.correctPairs()).isEqualTo(2);
        assertThat(metrics.precision()).isEqualTo(0.5);
        assertThat(metrics.recall()).isEqualTo(0.5);
        assertThat(metrics.f1()).isEqualTo(0.5);
        assertThat(metrics.exactClusters()).isEqualTo(1);
        assertThat(metrics.splitPersons()).isEqualTo(1);
        assertThat(metrics.mergedClusters()).isEqualTo(1);
    }

    @Test
    void truthAndPredictionMustCoverTheSameRecords()
    {
        assertThatThrownBy(() -> QualityReport.metrics(TRUTH, Map.of("a1", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manyRecordsAreCountedWithoutEnumeratingPairs()
    {
        // 200,000 records of one person in one cluster: 19,999,900,000 pairs, counted, not listed
        Map<String, String> truth = new HashMap<>();
        Map<String, String> predicted = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            truth.put("r" + i, "P");
            predicted.put("r" + i, i % 2 == 0 ? "even" : "odd");
        }
        Metrics metrics = QualityReport.metrics(truth, predicted);
        assertThat(metrics.truePairs()).isEqualTo(200_000L * 199_999 / 2);
        assertThat(metrics.correctPairs()).isEqualTo(2 * (100_000L * 99_999 / 2));
        assertThat(metrics.precision()).isEqualTo(1.0);
    }

    @Test
    void reportOnGeneratedLeadsDecodesTheJunkKeys()
    {
        GroundTruth truth = new GroundTruthGenerator(11).generate(2000);
        QualityReport report = QualityReport.unifyAndReport(truth, IdentitySettings.defaults());

        assertThat(report.metrics().records()).isEqualTo(truth.leads().size());
        assertThat(report.metrics().truePersons()).isEqualTo(truth.truePersons());
        assertThat(report.metrics().precision()).isGreaterThan(0.95).isLessThan(1.0);
        assertThat(report.metrics().recall()).isGreaterThan(0.93).isLessThan(1.0);
        assertThat(report.junkKeys()).extracting(QualityReport.JunkKeyRow::value)
                .contains("teste@teste.com", "name=teste, phone=11999999999");
        assertThat(report.junkKeys()).allSatisfy(row -> assertThat(row.records()).isGreaterThan(50));
        assertThat(report.plantedJunk()).hasSize(3);
        assertThat(report.plantedJunk().get(0).normalized()).isEqualTo("teste@teste.com");
        assertThat(report.plantedJunk().get(0).flaggedAs()).hasSize(1);
        // the phone is checked for junk on its own (75 records), and so is the test submissions' name + phone (60)
        assertThat(report.plantedJunk().get(1).flaggedAs()).containsExactly(
                "phone = 11999999999 (75 records)", "name_phone = name=teste, phone=11999999999 (60 records)");
        assertThat(report.plantedJunk().get(2).normalized()).isEqualTo("1140040000");
        assertThat(report.plantedJunk().get(2).flaggedAs()).isEmpty();
        assertThat(report.plantedJunk().get(2).note()).isEqualTo("shared by %d records, not more than the limit of 50".formatted(report.plantedJunk().get(2).records()));
        assertThat(report.format())
                .contains("pairwise precision", "pairwise recall", "teste@teste.com", "name=teste, phone=11999999999", "family_email");
    }

    private static Map<String, String> ordered(String... pairs)
    {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
