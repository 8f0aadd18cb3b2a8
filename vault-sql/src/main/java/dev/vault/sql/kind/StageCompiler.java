package dev.vault.sql.kind;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vault.core.dialect.ExpressionReference;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.model.Column;
import dev.vault.core.model.DerivedColumn;
import dev.vault.core.model.HashedColumn;
import dev.vault.core.model.RecordSource;
import dev.vault.core.model.Source;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StageIdentity;
import dev.vault.core.model.StandardColumns;
import dev.vault.core.model.TableName;
import dev.vault.core.project.HashingSettings;
import dev.vault.sql.IdentitySql;
import dev.vault.sql.IncrementalSource;
import dev.vault.sql.SqlText;
import dev.vault.sql.Statement;
import dev.vault.sql.dialect.TrinoDialect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/** A stage: a view over its source with derived columns, load columns, hash keys and hashdiffs ({@code stage.ftl}). */
public final class StageCompiler
        implements ModelCompiler<Stage>
{
    /** What the source CTE calls a source column named record_source, which the staged record_source is made from. */
    private static final String RECORD_SOURCE_COLUMN = "record_source$source";

    private final CompileContext context;

    public StageCompiler(CompileContext context)
    {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public CompiledModel compile(Stage stage, TableName target)
    {
        return CompiledModel.of(CompileContext.guardedView(target, new Statement(stage.name(), Statement.Kind.VIEW, target, view(stage, target))));
    }

    /**
     * The view's query with its source table left as {@link IncrementalSource#CHANGES_SLOT}: what
     * an incremental load reads in place of the view.
     */
    public IncrementalSource incremental(Stage stage)
    {
        TableName view = context.project().tableName(stage);
        Source source = context.project().model(stage.source(), Source.class);
        return new IncrementalSource(view, context.project().tableName(source), render(stage, view, Optional.of(IncrementalSource.CHANGES_SLOT)));
    }

    private String view(Stage stage, TableName target)
    {
        return render(stage, target, Optional.empty());
    }

    private String render(Stage stage, TableName target, Optional<String> sourceRows)
    {
        Source source = context.project().model(stage.source(), Source.class);
        HashingSettings hashing = context.project().config().hashing();
        List<Object> hashed = new ArrayList<>();
        for (HashedColumn column : ImmutableList.<HashedColumn>builder().addAll(stage.hashKeys()).addAll(stage.hashdiffs()).build()) {
            hashed.add(Map.of(
                    "name", column.name(),
                    "hashKey", column.kind() == HashedColumn.Kind.HASH_KEY,
                    "columns", column.columns(),
                    "zeroInput", String.join("|", Collections.nCopies(column.columns().size(), "\\N"))));
        }
        List<String> outputColumns = new ArrayList<>();
        // a source column named record_source that gives each row's record source becomes the standard column itself
        source.columns().stream().map(Column::name).filter(name -> !name.equals(StandardColumns.RECORD_SOURCE)).forEach(outputColumns::add);
        stage.derivedColumns().forEach(column -> outputColumns.add(column.name()));
        Map<String, Object> model = new HashMap<>();
        stage.identity().ifPresent(identity -> model.put("identity", identityColumns(identity)));
        sourceRows.ifPresent(rows -> model.put("sourceRows", rows));
        return context.render("stage.ftl", ImmutableMap.<String, Object>builder()
                .putAll(model)
                .put("model", CompileContext.header(stage))
                .put("target", target)
                .put("viewComment", CompileContext.viewComment(stage))
                .put("sourceTable", context.project().tableName(source))
                .put("sourceColumns", source.columns().stream().map(column -> column.name()).toList())
                .put("derivedLevels", derivedLevels(stage))
                .put("loadTimestamp", source.loadTimestamp())
                .put("recordSource", recordSource(stage, source))
                .put("identityRecordPrefix", stage.recordSource(source) instanceof RecordSource.Fixed fixed
                        ? SqlText.literal(fixed.value() + "|")
                        : recordSource(stage, source) + " || '|'")
                .put("hashed", hashed)
                .put("outputColumns", outputColumns)
                .put("hashing", Map.of(
                        "function", TrinoDialect.hashFunction(hashing.algorithm()),
                        "zeroKey", hashing.zeroKey(),
                        "upperKeys", hashing.businessKeyCase() == HashingSettings.KeyCase.UPPER))
                .buildOrThrow());
    }

    /**
     * The {@code record_source} of a staged row: the stage's or else the source's fixed name, or the
     * row's own from a column or an expression. A row without one fails the reads of the stage with
     * the reason: a record source is what says where a row of the vault came from, never a guess.
     */
    private static String recordSource(Stage stage, Source source)
    {
        RecordSource recordSource = stage.recordSource(source);
        if (recordSource instanceof RecordSource.Fixed fixed) {
            return SqlText.literal(fixed.value());
        }
        String value = switch (recordSource) {
            case RecordSource.FromColumn column -> column.column().equals(StandardColumns.RECORD_SOURCE) ? SqlText.internalIdentifier(RECORD_SOURCE_COLUMN) : SqlText.identifier(column.column());
            case RecordSource.FromSql sql -> "(" + sql.sql().strip() + ")";
            case RecordSource.Fixed ignored -> throw new IllegalStateException("a fixed record source is a literal");
        };
        // name where the record source is set: the stage's own, or its source's
        String setting = stage.recordSource().isPresent()
                ? "the stage's record-source %s, %s".formatted(recordSource.describe(), stage.location())
                : "record-source %s, %s".formatted(recordSource.describe(), source.location());
        String message = "%s: a row of source %s has no record source (%s); every staged row needs the system it comes from"
                .formatted(stage.name(), source.name(), setting);
        return "coalesce(nullif(trim(CAST(%s AS varchar)), ''), CAST(fail(%s) AS varchar))".formatted(value, SqlText.literal(message));
    }

    private Map<String, Object> identityColumns(StageIdentity identity)
    {
        IdentitySql sql = new IdentitySql(context.project().config().identity());
        // the typed parts any key uses, in every identity stage (NULL where this stage lacks one): the hub reads them all alike
        Set<String> typedParts = new TreeSet<>();
        typedParts.addAll(context.project().config().identity().typedParts());
        List<Map<String, String>> parts = new ArrayList<>();
        for (String part : typedParts) {
            StageIdentity.TypedPart typed = identity.parts().get(part);
            parts.add(Map.of(
                    "column", StageIdentity.partColumn(part),
                    "expression", typed == null ? "CAST(NULL AS varchar)" : sql.part(typed.kind(), text(typed.column()))));
        }
        List<Map<String, String>> keys = new ArrayList<>();
        for (IdentityKey key : context.project().config().identity().keys()) {
            keys.add(Map.of("column", StageIdentity.KEY_PREFIX + key.name(), "expression", key.isTyped() ? typedKey(sql, key) : sql.key(key, IdentitySql.stagedParts())));
        }
        return Map.of(
                "recordKey", identity.recordKey(),
                "name", identity.name().map(column -> sql.name(text(column))).orElse("CAST(NULL AS varchar)"),
                "email", identity.email().map(column -> sql.email(text(column))).orElse("CAST(NULL AS varchar)"),
                "phone", identity.phone().map(column -> sql.phone(text(column))).orElse("CAST(NULL AS varchar)"),
                "parts", parts,
                "keys", keys);
    }

    /** A key with typed parts over the staged, normalized parts, labelled as {@link IdentityKey#labels()} orders them. */
    private static String typedKey(IdentitySql sql, IdentityKey key)
    {
        Map<String, String> normalized = new LinkedHashMap<>();
        key.parts().forEach(part -> normalized.put(part.id(), SqlText.identifier(StageIdentity.column(part))));
        key.typedParts().forEach(part -> normalized.put(part, SqlText.identifier(StageIdentity.partColumn(part))));
        return sql.typedKey(normalized);
    }

    private static String text(String column)
    {
        return "CAST(" + SqlText.identifier(column) + " AS varchar)";
    }

    /**
     * Groups derived columns so each group reads only source columns and earlier groups: one CTE
     * per group, which lets a derived column use another (Trino cannot read a select alias).
     */
    private static List<List<Map<String, Object>>> derivedLevels(Stage stage)
    {
        Map<String, Integer> levels = new HashMap<>();
        List<List<Map<String, Object>>> grouped = new ArrayList<>();
        for (DerivedColumn derived : stage.derivedColumns()) {
            int level = 0;
            for (ExpressionReference reference : TrinoDialect.INSTANCE.columnReferences(derived.sql())) {
                Integer referenced = levels.get(reference.name());
                if (referenced != null) {
                    level = Math.max(level, referenced + 1);
                }
            }
            levels.put(derived.name(), level);
            while (grouped.size() <= level) {
                grouped.add(new ArrayList<>());
            }
            grouped.get(level).add(Map.of("name", derived.name(), "sql", derived.sql().strip()));
        }
        return grouped;
    }
}
