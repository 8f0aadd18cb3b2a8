package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.Location;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The outcome of a unit test on fixtures: its status and the row diff a failure prints. */
class TestUnitTestResult
{
    private static final Location LOCATION = new Location(Path.of("tests/shop.yml"), 2, 5);

    @Test
    void passWhenNothingIsMissingOrUnexpected()
    {
        UnitTestResult.Outcome outcome = outcome(ImmutableList.of(), ImmutableList.of(), Optional.empty());
        assertThat(outcome.status()).isEqualTo(UnitTestResult.Status.PASS);
        assertThat(outcome.diff()).isEmpty();
        assertThat(new UnitTestResult(ImmutableList.of(outcome), Duration.ZERO).successful()).isTrue();
    }

    @Test
    void diffShowsMissingThenUnexpectedRowsWithTheirColumns()
    {
        UnitTestResult.Outcome outcome = outcome(
                ImmutableList.of(List.of("A1", "c3")),
                ImmutableList.of(Arrays.asList("B2", null), List.of("B3", "c4")),
                Optional.empty());
        assertThat(outcome.status()).isEqualTo(UnitTestResult.Status.FAIL);
        assertThat(outcome.diff()).isEqualTo("""
                missing rows (expected, not in hub_customer):
                - {hk_customer: A1, customer_id: c3}
                unexpected rows (in hub_customer, not expected):
                + {hk_customer: B2, customer_id: null}
                + {hk_customer: B3, customer_id: c4}""");
        UnitTestResult result = new UnitTestResult(ImmutableList.of(outcome, outcome(ImmutableList.of(), ImmutableList.of(), Optional.of("hub_customer failed"))), Duration.ZERO);
        assertThat(result.successful()).isFalse();
        assertThat(result.count(UnitTestResult.Status.FAIL)).isEqualTo(1);
        assertThat(result.count(UnitTestResult.Status.ERROR)).isEqualTo(1);
    }

    private static UnitTestResult.Outcome outcome(ImmutableList<List<String>> missing, ImmutableList<List<String>> unexpected, Optional<String> error)
    {
        return new UnitTestResult.Outcome("t", "hub_customer", LOCATION, ImmutableList.of("stg_orders", "hub_customer"), ImmutableList.of("hk_customer", "customer_id"),
                missing, unexpected, 2, error, Duration.ofMillis(10));
    }
}
