package dev.vault.core.yaml;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vault.core.model.Location;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A parsed YAML value that remembers where it was written. Model files are mapped from these by
 * hand rather than by data binding, so that every error can point at the exact line of the value
 * that is wrong, not just at the file.
 */
public sealed interface YamlNode
        permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar
{
    Location location();

    /** What a user would call this kind of value, for error messages. */
    String kind();

    record Mapping(ImmutableMap<String, Entry> entries, Location location)
            implements YamlNode
    {
        public Mapping
        {
            requireNonNull(entries, "entries is null");
            requireNonNull(location, "location is null");
        }

        public Optional<YamlNode> get(String key)
        {
            return Optional.ofNullable(entries.get(key)).map(Entry::value);
        }

        @Override
        public String kind()
        {
            return "a mapping";
        }
    }

    record Entry(String key, Location keyLocation, YamlNode value)
    {
        public Entry
        {
            requireNonNull(key, "key is null");
            requireNonNull(keyLocation, "keyLocation is null");
            requireNonNull(value, "value is null");
        }
    }

    record Sequence(ImmutableList<YamlNode> items, Location location)
            implements YamlNode
    {
        public Sequence
        {
            requireNonNull(items, "items is null");
            requireNonNull(location, "location is null");
        }

        @Override
        public String kind()
        {
            return "a list";
        }
    }

    /**
     * A scalar keeps its text as written; {@code null} text means YAML null ({@code ~}, {@code null}
     * or nothing at all).
     */
    record Scalar(String text, Location location)
            implements YamlNode
    {
        public Scalar
        {
            requireNonNull(location, "location is null");
        }

        public boolean isNull()
        {
            return text == null;
        }

        @Override
        public String kind()
        {
            return isNull() ? "nothing (null)" : "a single value";
        }
    }
}
