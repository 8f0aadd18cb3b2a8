package dev.vault.benchmarks.truth;

import com.google.common.collect.ImmutableSet;
import dev.vault.benchmarks.truth.PersonRecordsGenerator.PersonRecord;
import dev.vault.benchmarks.truth.TypedIdentityQuality.Configuration;
import dev.vault.benchmarks.truth.TypedIdentityQuality.VariationScore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTypedIdentityQuality
{
    @Test
    void variationsCountTheTrueAndWrongPairsOfTheRecordsCarryingThem()
    {
        // person A: a1, a2, a3 (a3 has a name typo); person B: b1 (a name typo)
        List<PersonRecord> records = List.of(
                record("a1", "A"), record("a2", "A"), record("a3", "A", "name_typo"), record("b1", "B", "name_typo"));
        // found: {a1, a2}, {a3, b1}
        Map<String, String> personOf = Map.of("a1", "x", "a2", "x", "a3", "y", "b1", "y");

        List<VariationScore> scores = TypedIdentityQuality.variations(records, personOf);

        // name_typo: true pairs with a3: (a1,a3), (a2,a3), none found; wrong pair (a3,b1)
        assertThat(scores).containsExactly(
                new VariationScore("name_typo", 2, 2, 0, 1),
                new VariationScore("(none)", 2, 3, 1, 0));
        assertThat(scores.getFirst().recall()).isZero();
        assertThat(scores.getLast().recall()).isEqualTo(1.0 / 3);
    }

    @Test
    void withoutDropsExactlyOneRule()
    {
        Configuration recommended = TypedIdentityQualityMain.configuration("recommended-id");
        assertThat(TypedIdentityQuality.rules(recommended)).contains("national_id", "cmp_id_within_dob");

        Configuration withoutId = TypedIdentityQuality.without(recommended, "national_id");
        assertThat(TypedIdentityQuality.rules(withoutId)).doesNotContain("national_id").hasSize(TypedIdentityQuality.rules(recommended).size() - 1);
        Configuration withoutComparison = TypedIdentityQuality.without(recommended, "cmp_id_within_dob");
        assertThat(withoutComparison.comparisons()).hasSize(recommended.comparisons().size() - 1);
        assertThat(withoutComparison.keys()).isEqualTo(recommended.keys());
        assertThatThrownBy(() -> TypedIdentityQuality.without(recommended, "nope")).hasMessage("recommended-id has no rule nope");
    }

    private static PersonRecord record(String id, String person, String... variations)
    {
        return new PersonRecord(id, person, "Ana", "Lima", "2000-01-01", null, null, null, ImmutableSet.copyOf(variations));
    }
}
