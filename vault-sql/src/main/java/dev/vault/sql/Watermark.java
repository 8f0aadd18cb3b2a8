package dev.vault.sql;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableMap;
import dev.vault.core.model.TableName;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * What a guarded load read at its last complete build: the digest of its definition and the
 * snapshot of every input then. It rides in the table's comment after the fingerprint, written
 * with it after the load committed. A crash between the two loses it: the next build reads from
 * the older watermark (or everything), which inserts nothing twice since such loads are
 * idempotent, so the watermark never needs to be exact, only never too new.
 */
public record Watermark(String definitionDigest, ImmutableMap<String, String> snapshots)
{
    public Watermark
    {
        requireNonNull(definitionDigest, "definitionDigest is null");
        requireNonNull(snapshots, "snapshots is null");
    }

    public static Watermark of(Guard guard, Map<TableName, String> snapshots)
    {
        ImmutableMap.Builder<String, String> read = ImmutableMap.builder();
        for (Guard.Input input : guard.inputs()) {
            read.put(key(input.table()), snapshots.getOrDefault(input.table(), Guard.NO_SNAPSHOT));
        }
        return new Watermark(guard.definitionDigest(), read.buildKeepingLast());
    }

    /** The snapshot the last build read of a table: {@link Guard#NO_SNAPSHOT} when it had none, empty when it was not an input. */
    public Optional<String> snapshot(TableName table)
    {
        return Optional.ofNullable(snapshots.get(key(table)));
    }

    /** The text after {@link Guard#WATERMARK_MARK}: {@code digest table=snapshot ...}. */
    public String text()
    {
        return definitionDigest + snapshots.entrySet().stream()
                .map(entry -> " " + entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining());
    }

    static Optional<Watermark> parse(String text)
    {
        List<String> words = Splitter.on(' ').omitEmptyStrings().splitToList(text.strip());
        if (words.isEmpty()) {
            return Optional.empty();
        }
        ImmutableMap.Builder<String, String> snapshots = ImmutableMap.builder();
        for (String word : words.subList(1, words.size())) {
            int equals = word.lastIndexOf('=');
            if (equals <= 0) {
                // not one this version wrote: read everything rather than guess
                return Optional.empty();
            }
            snapshots.put(word.substring(0, equals), word.substring(equals + 1));
        }
        return Optional.of(new Watermark(words.getFirst(), snapshots.buildKeepingLast()));
    }

    private static String key(TableName table)
    {
        // names are validated identifiers: no space, '=' or ';' (Identifiers), so the text stays parseable
        return (table.catalog() + "." + table.schema() + "." + table.table()).toLowerCase(Locale.ROOT);
    }
}
