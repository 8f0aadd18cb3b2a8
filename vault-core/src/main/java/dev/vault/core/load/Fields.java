package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.model.Location;
import dev.vault.core.yaml.YamlNode;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Reads the fields of one YAML mapping (a model, a column, vault.yml) and records a located
 * problem for anything missing, misspelled or of the wrong shape. Reading goes on after a
 * problem so that one pass reports them all; callers get placeholders for bad values.
 */
public final class Fields
{
    private final YamlNode.Mapping mapping;
    private final String what;
    private final Problems problems;

    public Fields(YamlNode.Mapping mapping, String what, Problems problems)
    {
        this.mapping = requireNonNull(mapping, "mapping is null");
        this.what = requireNonNull(what, "what is null");
        this.problems = requireNonNull(problems, "problems is null");
    }

    public static Optional<Fields> of(YamlNode node, String what, Problems problems)
    {
        if (node instanceof YamlNode.Mapping mapping) {
            return Optional.of(new Fields(mapping, what, problems));
        }
        problems.add(node.location(), "%s must be a mapping of 'key: value' lines, found %s", what, node.kind());
        return Optional.empty();
    }

    public String what()
    {
        return what;
    }

    public Location location()
    {
        return mapping.location();
    }

    public YamlNode.Mapping mapping()
    {
        return mapping;
    }

    public Location locationOf(String key)
    {
        YamlNode.Entry entry = mapping.entries().get(key);
        return entry == null ? mapping.location() : entry.value().location();
    }

    public Location keyLocation(String key)
    {
        YamlNode.Entry entry = mapping.entries().get(key);
        return entry == null ? mapping.location() : entry.keyLocation();
    }

    public boolean has(String key)
    {
        return mapping.entries().containsKey(key);
    }

    public Optional<YamlNode> node(String key)
    {
        return mapping.get(key);
    }

    public void rejectUnknownKeys(Set<String> known)
    {
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!known.contains(entry.key())) {
                problems.add(entry.keyLocation(), "unknown key '%s' in %s%s", entry.key(), what, Suggestions.hint(entry.key(), known));
            }
        }
    }

    public String requiredString(String key)
    {
        Optional<String> value = string(key);
        if (value.isEmpty() && !has(key)) {
            missing(key);
        }
        return value.orElse("");
    }

    /** Reports a missing key, unless a misspelling of it is there: the unknown-key problem says it all. */
    private void missing(String key)
    {
        boolean misspelled = mapping.entries().keySet().stream()
                .anyMatch(written -> Suggestions.closest(written, List.of(key)).isPresent());
        if (!misspelled) {
            problems.add(mapping.location(), "%s is missing '%s:'", what, key);
        }
    }

    public Optional<String> string(String key)
    {
        Optional<YamlNode> node = mapping.get(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
            if (scalar.text().isBlank()) {
                problems.add(scalar.location(), "'%s' of %s is empty", key, what);
                return Optional.empty();
            }
            return Optional.of(scalar.text());
        }
        problems.add(node.get().location(), "'%s' of %s must be a single value, found %s", key, what, node.get().kind());
        return Optional.empty();
    }

    public String string(String key, String defaultValue)
    {
        return string(key).orElse(defaultValue);
    }

    public int integer(String key, int defaultValue, int min, int max)
    {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get().trim());
            if (value < min || value > max) {
                problems.add(locationOf(key), "'%s' of %s must be between %s and %s, found %s", key, what, min, max, value);
                return defaultValue;
            }
            return value;
        }
        catch (NumberFormatException e) {
            problems.add(locationOf(key), "'%s' of %s must be a whole number, found '%s'", key, what, text.get());
            return defaultValue;
        }
    }

    public boolean bool(String key, boolean defaultValue)
    {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        return switch (text.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problems.add(locationOf(key), "'%s' of %s must be true or false, found '%s'", key, what, text.get());
                yield defaultValue;
            }
        };
    }

    /** A list of single values; a lone value is accepted as a list of one. */
    public ImmutableList<Located<String>> stringList(String key)
    {
        Optional<YamlNode> node = mapping.get(key);
        if (node.isEmpty()) {
            return ImmutableList.of();
        }
        if (node.get() instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
            return ImmutableList.of(new Located<>(scalar.text(), scalar.location()));
        }
        if (!(node.get() instanceof YamlNode.Sequence sequence)) {
            problems.add(node.get().location(), "'%s' of %s must be a list like [a, b], found %s", key, what, node.get().kind());
            return ImmutableList.of();
        }
        ImmutableList.Builder<Located<String>> values = ImmutableList.builder();
        Set<String> seen = new HashSet<>();
        for (YamlNode item : sequence.items()) {
            if (item instanceof YamlNode.Scalar scalar && !scalar.isNull() && !scalar.text().isBlank()) {
                if (!seen.add(scalar.text())) {
                    problems.add(scalar.location(), "'%s' is listed twice in '%s' of %s", scalar.text(), key, what);
                    continue;
                }
                values.add(new Located<>(scalar.text(), scalar.location()));
            }
            else {
                problems.add(item.location(), "items of '%s' in %s must be single values, found %s", key, what, item.kind());
            }
        }
        return values.build();
    }

    public ImmutableList<Located<String>> requiredStringList(String key)
    {
        if (!has(key)) {
            missing(key);
            return ImmutableList.of();
        }
        int before = problems.size();
        ImmutableList<Located<String>> values = stringList(key);
        if (values.isEmpty() && problems.size() == before) {
            problems.add(locationOf(key), "'%s' of %s must list at least one value", key, what);
        }
        return values;
    }

    /** The items of a list of mappings (e.g. columns), each with its own Fields. */
    public ImmutableList<Fields> mappings(String key, String itemWhat)
    {
        Optional<YamlNode> node = mapping.get(key);
        if (node.isEmpty()) {
            return ImmutableList.of();
        }
        if (!(node.get() instanceof YamlNode.Sequence sequence)) {
            problems.add(node.get().location(), "'%s' of %s must be a list of entries starting with '- ', found %s", key, what, node.get().kind());
            return ImmutableList.of();
        }
        ImmutableList.Builder<Fields> items = ImmutableList.builder();
        for (YamlNode item : sequence.items()) {
            of(item, itemWhat, problems).ifPresent(items::add);
        }
        return items.build();
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue)
    {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.get().replace('-', '_'))) {
                return constant;
            }
        }
        ImmutableSet<String> names = Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(ImmutableSet.toImmutableSet());
        problems.add(locationOf(key), "'%s' of %s cannot be '%s'%s", key, what, text.get(), Suggestions.hint(text.get(), names));
        return defaultValue;
    }

    /** A value with the place it was written. */
    public record Located<T>(T value, Location location)
    {
        public Located
        {
            requireNonNull(value, "value is null");
            requireNonNull(location, "location is null");
        }
    }
}
