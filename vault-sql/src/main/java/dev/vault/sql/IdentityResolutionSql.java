package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import dev.vault.core.identity.IdentityComparison;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.identity.IdentityPart;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Project;
import dev.vault.core.model.Source;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StageIdentity;
import dev.vault.core.model.TableName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The statements that resolve the persons of an identity hub ({@code identity_hub.ftl}). Records
 * sharing a matching key value are one person, transitively: connected components over a star of
 * edges per key value, computed by rounds of hooking (a tree's root takes the smallest root of a
 * neighboring tree as parent) and shortcutting (pointer jumping until every tree is a star),
 * which the runner repeats until no root hooks: O(log n) rounds for n records. Persons
 * keep their ID across runs; when evidence joins two, the older survives and the merge is
 * recorded in the same-as link.
 */
public final class IdentityResolutionSql
{
    private final Project project;
    private final Hub hub;
    private final Templates templates;
    private final TableName hubTable;

    public IdentityResolutionSql(Project project, Hub hub, Templates templates)
    {
        this.project = requireNonNull(project, "project is null");
        this.hub = requireNonNull(hub, "hub is null");
        this.templates = requireNonNull(templates, "templates is null");
        this.hubTable = project.tableName(hub);
    }

    public Hub hub()
    {
        return hub;
    }

    /** DDL of the record map, the same-as link, the junk-key report and the resolved view. */
    public ImmutableList<Statement> setup()
    {
        ImmutableList.Builder<Statement> setup = ImmutableList.<Statement>builder()
                .add(statement(Statement.Kind.CREATE_TABLE, recordsTable(), render("records_table")))
                .add(statement(Statement.Kind.CREATE_TABLE, sameAsTable(), render("same_as_table")))
                .add(statement(Statement.Kind.CREATE_TABLE, junkTable(), render("junk_table")))
                .add(statement(Statement.Kind.CREATE_TABLE, keysTable(), render("keys_table")));
        if (compares()) {
            setup.add(statement(Statement.Kind.CREATE_TABLE, partsTable(), render("parts_table")));
        }
        return setup.add(statement(Statement.Kind.VIEW, resolvedView(), render("resolved_view"))).build();
    }

    /** The key values of the batch: the stages' rows this run reads (all of them, or those their sources gained). */
    public String batchKeys()
    {
        return render("batch_keys");
    }

    /** The records of the batch, with their first load and source. */
    public String batchRecords()
    {
        return render("batch_records");
    }

    /** Keeps the batch's key values no record had before. */
    public String keysInsert()
    {
        return render("keys_insert");
    }

    /** Keeps the batch's versions of the compared parts; empty without comparisons. */
    public Optional<String> partsInsert()
    {
        return compares() ? Optional.of(render("parts_insert")) : Optional.empty();
    }

    /** The kept key values of the records in scope. */
    public String workKeys()
    {
        return render("work_keys");
    }

    public String workRecords()
    {
        return render("work_records");
    }

    public String junkInsert()
    {
        return render("junk_insert");
    }

    public String workEdges()
    {
        return render("work_edges");
    }

    /** The first parents table (number 0): every record's parent is the smallest of itself and its neighbors. */
    public String labelsInit()
    {
        return render("labels_init", Map.of("to", labels(0)));
    }

    /** Pointer jumping from parents table {@code step} to {@code step + 1}. */
    public String labelsShortcut(int step)
    {
        return render("labels_shortcut", Map.of("from", labels(step), "to", labels(step + 1)));
    }

    /** Hooking roots to smaller neighboring roots, from parents table {@code step} to {@code step + 1}. */
    public String labelsHook(int step)
    {
        return render("labels_hook", Map.of("from", labels(step), "to", labels(step + 1)));
    }

    /** How many parents step {@code step} changed. */
    public String labelsChanged(int step)
    {
        return render("labels_changed", Map.of("from", labels(step), "to", labels(step + 1)));
    }

    /** The person of every record, from the parents table of the last step (every parent a root by then). */
    public String workResolution(int round)
    {
        return render("work_resolution", Map.of("labels", labels(round)));
    }

    public String hubInsert()
    {
        return render("hub_insert");
    }

    public String recordsInsert()
    {
        return render("records_insert");
    }

    public String sameAsInsert()
    {
        return render("same_as_insert");
    }

    /** Drops the work tables. */
    public ImmutableList<String> dropWorkTables()
    {
        ImmutableList.Builder<String> drops = ImmutableList.builder();
        List<TableName> tables = new ArrayList<>(List.of(work("batch_keys"), work("batch_records"), work("keys"), work("records"), work("edges"), work("resolution")));
        tables.add(labels(0));
        tables.add(labels(1));
        for (TableName table : tables) {
            drops.add(render("drop", Map.of("target", table)));
        }
        return drops.build();
    }

    /** Sets the hub's comment, which carries the fingerprint of the inputs it was resolved from. */
    public String comment(String text)
    {
        return render("comment", Map.of("tableComment", text));
    }

    /**
     * The tables whose snapshots decide whether resolution must run again: the bronze sources
     * of the hub's stages and the identity tables themselves.
     */
    public ImmutableList<TableName> inputs()
    {
        ImmutableList.Builder<TableName> inputs = ImmutableList.builder();
        for (String stage : hub.sources()) {
            inputs.add(project.tableName(project.model(project.model(stage, Stage.class).source(), Source.class)));
        }
        inputs.add(hubTable, recordsTable(), sameAsTable(), junkTable(), keysTable());
        if (compares()) {
            inputs.add(partsTable());
        }
        return inputs.build();
    }

    /** Every statement text of a run, for the fingerprint: a change of SQL or settings resolves again. */
    public String definition()
    {
        return String.join("\n", batchKeys(), batchRecords(), keysInsert(), partsInsert().orElse(""), junkInsert(), workRecords(), workKeys(), workEdges(), labelsInit(), labelsShortcut(0), labelsHook(0), workResolution(0),
                hubInsert(), recordsInsert(), sameAsInsert());
    }

    public TableName recordsTable()
    {
        return sibling(hub.recordsTable());
    }

    public TableName sameAsTable()
    {
        return sibling(hub.sameAsTable());
    }

    public TableName junkTable()
    {
        return sibling(hub.junkKeysTable());
    }

    public TableName resolvedView()
    {
        return sibling(hub.resolvedView());
    }

    public TableName keysTable()
    {
        return sibling(hub.keysTable());
    }

    public TableName partsTable()
    {
        return sibling(hub.comparedPartsTable());
    }

    private boolean compares()
    {
        return !project.config().identity().comparisons().isEmpty();
    }

    // label tables alternate between two names, so a round never reads what it writes
    private TableName labels(int round)
    {
        return work("labels_" + (round % 2 == 0 ? "a" : "b"));
    }

    private TableName work(String what)
    {
        return sibling(hub.name() + "_work_" + what);
    }

    private TableName sibling(String table)
    {
        return new TableName(hubTable.catalog(), hubTable.schema(), table);
    }

    private Statement statement(Statement.Kind kind, TableName target, String sql)
    {
        return new Statement(hub.name(), kind, target, sql);
    }

    private String render(String step)
    {
        return render(step, Map.of());
    }

    private String render(String step, Map<String, Object> arguments)
    {
        Map<String, Object> model = new HashMap<>(arguments);
        model.put("step", step);
        model.put("model", TrinoCompiler.header(hub));
        model.put("hub", hubTable);
        model.put("hashKey", hub.hashKey());
        model.put("buckets", hub.layout().buckets());
        model.put("maxRecords", project.config().identity().maxRecordsPerKey());
        model.put("recordsTable", recordsTable());
        model.put("sameAsTable", sameAsTable());
        model.put("junkTable", junkTable());
        model.put("resolvedView", resolvedView());
        model.put("keysTable", keysTable());
        model.put("partsTable", partsTable());
        model.put("batchKeys", work("batch_keys"));
        model.put("batchRecords", work("batch_records"));
        model.put("workKeys", work("keys"));
        model.put("workRecords", work("records"));
        model.put("workEdges", work("edges"));
        model.put("workResolution", work("resolution"));
        model.put("sources", hub.sources().stream().map(stage -> project.tableName(project.model(stage))).toList());
        IdentitySql identity = new IdentitySql(project.config().identity());
        Map<IdentityPart, String> normalized = IdentitySql.stagedParts();
        String emailPart = identity.key(IdentitySettings.JUNK_CHECKED_PARTS.get(0), normalized);
        String phonePart = identity.key(IdentitySettings.JUNK_CHECKED_PARTS.get(1), normalized);
        List<Map<String, String>> keys = new ArrayList<>();
        for (IdentityKey key : project.config().identity().keys()) {
            keys.add(Map.of(
                    "name", key.name(),
                    "column", StageIdentity.KEY_PREFIX + key.name(),
                    "sample", sample(key),
                    "emailPart", key.parts().contains(IdentityPart.EMAIL) ? emailPart : "CAST(NULL AS varchar)",
                    "phonePart", key.parts().contains(IdentityPart.PHONE) ? phonePart : "CAST(NULL AS varchar)"));
        }
        model.put("keys", keys);
        List<Map<String, String>> parts = new ArrayList<>(List.of(
                Map.of("name", "email", "value", emailPart, "sample", SqlText.identifier(StageIdentity.EMAIL)),
                Map.of("name", "phone", "value", phonePart, "sample", SqlText.identifier(StageIdentity.PHONE))));
        // a comparison's block is one more value per record, counted like a key value: an oversized block is junk, reported and not compared
        List<Map<String, Object>> comparisons = new ArrayList<>();
        Set<String> comparedColumns = new TreeSet<>();
        for (IdentityComparison comparison : project.config().identity().comparisons()) {
            List<String> blockColumns = comparison.blockOn().stream().map(IdentityResolutionSql::partColumn).toList();
            parts.add(Map.of("name", comparison.junkKeyName(), "value", block(blockColumns), "sample", sample(blockColumns)));
            List<String> rules = new ArrayList<>();
            for (String part : comparison.equal()) {
                rules.add("left_parts.%1$s = right_parts.%1$s".formatted(partColumn(part)));
            }
            comparison.maxEdits().forEach((part, edits) -> rules.add("levenshtein_distance(left_parts.%1$s, right_parts.%1$s) <= %2$d".formatted(partColumn(part), edits)));
            comparisons.add(Map.of("junkKey", comparison.junkKeyName(), "maxBlockSize", comparison.maxBlockSize(), "rules", rules));
            comparison.equal().forEach(part -> comparedColumns.add(partColumn(part)));
            comparison.maxEdits().keySet().forEach(part -> comparedColumns.add(partColumn(part)));
        }
        model.put("parts", parts);
        model.put("comparisons", comparisons);
        model.put("comparedColumns", List.copyOf(comparedColumns));
        return templates.render("identity_hub.ftl", model);
    }

    /** The staged column of a part, quoted: {@code "identity_name"}, {@code "identity_part_birth_date"}. */
    private static String partColumn(String part)
    {
        return SqlText.identifier(StageIdentity.columnOf(part));
    }

    /** A record's block: its blocking parts' values joined by the unit separator (as {@link IdentityComparison#block}), NULL when one is missing. */
    private static String block(List<String> columns)
    {
        if (columns.size() == 1) {
            return columns.getFirst();
        }
        return "CASE WHEN " + columns.stream().map(column -> column + " IS NOT NULL").collect(Collectors.joining(" AND "))
                + " THEN " + String.join(" || chr(31) || ", columns) + " END";
    }

    /** Normalized parts, readable in the junk report: one alone, several joined by ' / '. */
    private static String sample(List<String> columns)
    {
        return columns.size() == 1 ? columns.getFirst() : "concat_ws(' / ', " + String.join(", ", columns) + ")";
    }

    /** The normalized parts behind a key value, readable in the junk report: e.g. 'teste@teste.com'. */
    private static String sample(IdentityKey key)
    {
        return sample(key.labels().stream().map(IdentityResolutionSql::partColumn).toList());
    }
}
