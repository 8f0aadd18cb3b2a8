package dev.vault.core.load;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TestSuggestions
{
    @Test
    void closestMatch()
    {
        assertThat(Suggestions.closest("persn_key", List.of("producer_id", "person_key", "email"))).contains("person_key");
        assertThat(Suggestions.closest("hash_key", List.of("name", "hash-key", "business-keys", "sources"))).contains("hash-key");
        assertThat(Suggestions.closest("hub_a", List.of("hub_b", "hub_a"))).contains("hub_a");
    }

    @Test
    void caseIsIgnoredButTheCandidateIsReturnedAsWritten()
    {
        assertThat(Suggestions.closest("HUB_PESSOA", List.of("hub_pessoa"))).contains("hub_pessoa");
        assertThat(Suggestions.closest("hub_pessoa", List.of("Hub_Pessoa"))).contains("Hub_Pessoa");
    }

    @Test
    void tiesGoToTheFirstInAlphabeticalOrder()
    {
        assertThat(Suggestions.closest("cat", List.of("hat", "bat"))).contains("bat");
    }

    @Test
    void tooFarIsNoMatch()
    {
        // up to 2 edits, or a third of the word's length
        assertThat(Suggestions.closest("abc", List.of("xyz"))).isEmpty();
        assertThat(Suggestions.closest("abc", List.of("axy"))).contains("axy");
        assertThat(Suggestions.closest("abcdefghijkl", List.of("abcdefghwxyz"))).contains("abcdefghwxyz");
        assertThat(Suggestions.closest("abcdefghijkl", List.of("abcdefgvwxyz"))).isEmpty();
        assertThat(Suggestions.closest("x", List.of())).isEmpty();
    }

    @Test
    void hintSuggestsTheClosest()
    {
        assertThat(Suggestions.hint("stg_peple", List.of("stg_people", "stg_orders"))).isEqualTo("; did you mean 'stg_people'?");
    }

    @Test
    void hintFallsBackToTheSortedCandidates()
    {
        assertThat(Suggestions.hint("blake3", List.of("sha256", "md5", "sha1", "sha512"))).isEqualTo("; expected one of: md5, sha1, sha256, sha512");
    }

    @Test
    void hintWithNoCandidatesOrTooManyIsEmpty()
    {
        assertThat(Suggestions.hint("x", List.of())).isEmpty();
        List<String> many = IntStream.rangeClosed(1, 26).mapToObj(i -> "column_number_" + i).toList();
        assertThat(Suggestions.hint("zzz", many)).isEmpty();
        assertThat(Suggestions.hint("zzz", many.subList(0, 25))).startsWith("; expected one of: column_number_1, column_number_10, ");
        assertThat(Suggestions.hint("column_number_7x", many)).isEqualTo("; did you mean 'column_number_7'?");
    }
}
