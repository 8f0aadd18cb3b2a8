package dev.vault.runner;

import com.google.common.collect.ImmutableList;

import java.time.Duration;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** What {@code vault freshness} found: one entry per source with a {@code freshness:} block, in the project's order. */
public record FreshnessResult(ImmutableList<SourceFreshness> sources, Instant checkedAt, Duration elapsed)
{
    public FreshnessResult
    {
        requireNonNull(sources, "sources is null");
        requireNonNull(checkedAt, "checkedAt is null");
        requireNonNull(elapsed, "elapsed is null");
    }

    /** No source is past its error-after or of unknown age; warnings pass. */
    public boolean successful()
    {
        return sources.stream().noneMatch(SourceFreshness::failed);
    }

    public SourceFreshness source(String name)
    {
        return sources.stream()
                .filter(source -> source.source().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no freshness result for source " + name));
    }
}
