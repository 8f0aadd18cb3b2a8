package dev.vault.embedded.conformance;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.load.Suggestions;
import dev.vault.core.model.Location;
import dev.vault.core.yaml.YamlNode;
import dev.vault.core.yaml.YamlReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads scenario files. The format (see conformance/README.md):
 * <pre>
 * id: H03                 # every business key of the scenario starts with 'H03'
 * name: earliest source wins
 * description: ...
 * zero-key: false         # true: the zero-key rows of the shared tables are this scenario's
 * batches:
 *   - rows:               # rows appended to bronze tables, per source
 *       crm_customers:
 *         - { customer_id: H03-A, loaded_at: 2026-01-01 10:00 }
 *     expect: ...         # optional: the tables right after this batch's run
 *   - same-run: true      # lands with the previous batch, before the same vault run
 *     rows: ...
 *   - repeat: true        # the previous batch's rows land again (a re-delivery)
 *   - fails: { model: sat_customer, message: "different payloads" }
 *     rows: ...           # this batch's run must fail in that model, writing nothing
 * expect:                 # the tables after the last batch
 *   hub_customer:
 *     - { customer_id: H03-A, load_datetime: 2026-01-01 10:00, record_source: crm }
 * </pre>
 */
final class ScenarioReader
{
    private static final ImmutableSet<String> SCENARIO_KEYS = ImmutableSet.of("id", "name", "description", "zero-key", "batches", "expect");
    private static final ImmutableSet<String> BATCH_KEYS = ImmutableSet.of("rows", "same-run", "repeat", "fails", "expect");
    private static final ImmutableSet<String> FAILURE_KEYS = ImmutableSet.of("model", "message");

    private final Map<String, ImmutableSet<String>> sourceColumns;
    private final Collection<String> tables;

    /**
     * @param sourceColumns the columns of each bronze table scenarios may write
     * @param tables the tables scenarios may expect rows of
     */
    ScenarioReader(Map<String, ImmutableSet<String>> sourceColumns, Collection<String> tables)
    {
        this.sourceColumns = sourceColumns;
        this.tables = tables;
    }

    Scenario read(Path file, Path displayPath)
    {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        YamlNode.Mapping root = mapping(YamlReader.read(displayPath, content).orElseThrow(() -> new IllegalArgumentException(displayPath + ": empty scenario file")), "a scenario");
        checkKeys(root, SCENARIO_KEYS);
        String id = text(root, "id").orElseThrow(() -> error(root.location(), "a scenario needs 'id:', the prefix of its business keys"));
        List<Scenario.Batch> batches = new ArrayList<>();
        YamlNode batchList = root.get("batches").orElseThrow(() -> error(root.location(), "a scenario needs 'batches:'"));
        int run = 0;
        for (YamlNode item : sequence(batchList, "'batches'").items()) {
            YamlNode.Mapping batch = mapping(item, "a batch");
            checkKeys(batch, BATCH_KEYS);
            boolean sameRun = flag(batch, "same-run");
            boolean repeat = flag(batch, "repeat");
            if (batches.isEmpty() && (sameRun || repeat)) {
                throw error(batch.location(), "the first batch cannot be 'same-run' or 'repeat': there is no previous batch");
            }
            if (!batches.isEmpty() && batches.getLast().fails().isPresent()) {
                throw error(batch.location(), "a batch that fails must be the last of its scenario");
            }
            run = batches.isEmpty() || sameRun ? run : run + 1;
            ImmutableListMultimap.Builder<String, Scenario.Row> rows = ImmutableListMultimap.builder();
            if (repeat) {
                rows.putAll(batches.getLast().rows());
            }
            batch.get("rows").ifPresent(node -> {
                for (YamlNode.Entry source : mapping(node, "'rows'").entries().values()) {
                    ImmutableSet<String> columns = sourceColumns.get(source.key());
                    if (columns == null) {
                        throw error(source.keyLocation(), "no source table '%s'%s", source.key(), Suggestions.hint(source.key(), sourceColumns.keySet()));
                    }
                    for (YamlNode row : sequence(source.value(), "the rows of " + source.key()).items()) {
                        rows.put(source.key(), row(row, columns));
                    }
                }
            });
            Optional<Scenario.Failure> fails = batch.get("fails").map(node -> {
                YamlNode.Mapping failure = mapping(node, "'fails'");
                checkKeys(failure, FAILURE_KEYS);
                return new Scenario.Failure(
                        text(failure, "model").orElseThrow(() -> error(failure.location(), "'fails' needs 'model:', the model whose load must fail")),
                        text(failure, "message").orElseThrow(() -> error(failure.location(), "'fails' needs 'message:', a part of the error")),
                        failure.location());
            });
            if (fails.isPresent() && sameRun) {
                throw error(batch.location(), "a batch that fails runs on its own: remove 'same-run'");
            }
            batches.add(new Scenario.Batch(batches.size() + 1, run, rows.build(), fails, batch.get("expect").map(this::expectation), batch.location()));
        }
        if (batches.isEmpty()) {
            throw error(batchList.location(), "a scenario needs at least one batch");
        }
        return new Scenario(
                id,
                text(root, "name").orElse(""),
                text(root, "description").orElse(""),
                flag(root, "zero-key"),
                ImmutableList.copyOf(batches),
                root.get("expect").map(this::expectation),
                root.location());
    }

    private Scenario.Expectation expectation(YamlNode node)
    {
        ImmutableMap.Builder<String, Scenario.ExpectedTable> expected = ImmutableMap.builder();
        for (YamlNode.Entry table : mapping(node, "'expect'").entries().values()) {
            if (!tables.contains(table.key())) {
                throw error(table.keyLocation(), "no checked table '%s' (checks.yml)%s", table.key(), Suggestions.hint(table.key(), tables));
            }
            List<Scenario.Row> rows = new ArrayList<>();
            List<String> columns = null;
            for (YamlNode row : sequence(table.value(), "the expected rows of " + table.key()).items()) {
                Scenario.Row expectedRow = row(row, null);
                List<String> names = List.copyOf(expectedRow.values().keySet());
                if (columns != null && !columns.equals(names)) {
                    throw error(row.location(), "every expected row of %s names the same columns in the same order: %s, not %s", table.key(), columns, names);
                }
                columns = names;
                rows.add(expectedRow);
            }
            expected.put(table.key(), new Scenario.ExpectedTable(table.key(), columns == null ? ImmutableList.of() : ImmutableList.copyOf(columns), ImmutableList.copyOf(rows), table.keyLocation()));
        }
        return new Scenario.Expectation(expected.buildOrThrow(), node.location());
    }

    private static Scenario.Row row(YamlNode node, ImmutableSet<String> allowed)
    {
        Map<String, String> values = new LinkedHashMap<>();
        for (YamlNode.Entry entry : mapping(node, "a row").entries().values()) {
            if (allowed != null && !allowed.contains(entry.key())) {
                throw error(entry.keyLocation(), "no column '%s'%s", entry.key(), Suggestions.hint(entry.key(), allowed));
            }
            if (!(entry.value() instanceof YamlNode.Scalar scalar)) {
                throw error(entry.value().location(), "the value of '%s' must be a single value, not %s", entry.key(), entry.value().kind());
            }
            values.put(entry.key(), scalar.text());
        }
        return new Scenario.Row(Collections.unmodifiableMap(values), node.location());
    }

    private static void checkKeys(YamlNode.Mapping mapping, ImmutableSet<String> allowed)
    {
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!allowed.contains(entry.key())) {
                throw error(entry.keyLocation(), "unknown key '%s'%s", entry.key(), Suggestions.hint(entry.key(), allowed));
            }
        }
    }

    private static boolean flag(YamlNode.Mapping mapping, String key)
    {
        return text(mapping, key).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(mapping.get(key).orElseThrow().location(), "'%s' is true or false, not '%s'", key, value);
        }).orElse(false);
    }

    private static Optional<String> text(YamlNode.Mapping mapping, String key)
    {
        return mapping.get(key).map(node -> {
            if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
                return scalar.text();
            }
            throw error(node.location(), "'%s' must be a single value, not %s", key, node.kind());
        });
    }

    private static YamlNode.Mapping mapping(YamlNode node, String what)
    {
        if (node instanceof YamlNode.Mapping mapping) {
            return mapping;
        }
        throw error(node.location(), "%s must be a mapping, not %s", what, node.kind());
    }

    private static YamlNode.Sequence sequence(YamlNode node, String what)
    {
        if (node instanceof YamlNode.Sequence sequence) {
            return sequence;
        }
        throw error(node.location(), "%s must be a list, not %s", what, node.kind());
    }

    private static IllegalArgumentException error(Location location, String format, Object... arguments)
    {
        return new IllegalArgumentException(location + ": " + format.formatted(arguments));
    }
}
