package dev.vault.core.maintenance;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TestDataSizeAndDurations
{
    @Test
    void sizesRoundTripInTrinosUnits()
    {
        assertThat(DataSize.parse("128MB")).contains(new DataSize(128L << 20));
        assertThat(DataSize.parse("1GB").orElseThrow()).hasToString("1GB");
        assertThat(DataSize.parse("1024kB").orElseThrow()).hasToString("1MB");
        assertThat(DataSize.parse("100B").orElseThrow()).hasToString("100B");
        assertThat(DataSize.parse("128mb")).isEmpty();
        assertThat(DataSize.parse("1.5GB")).isEmpty();
        assertThat(DataSize.parse("128")).isEmpty();
        assertThat(DataSize.parse("999999999999TB")).isEmpty();
    }

    @Test
    void durationsRoundTripInTrinosUnits()
    {
        assertThat(Durations.parse("7d")).contains(Duration.ofDays(7));
        assertThat(Durations.parse("90m")).contains(Duration.ofMinutes(90));
        assertThat(Durations.format(Duration.ofHours(48))).isEqualTo("2d");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.parse("7 d")).isEmpty();
        assertThat(Durations.parse("P7D")).isEmpty();
        assertThat(Durations.parse("-1d")).isEmpty();
    }
}
