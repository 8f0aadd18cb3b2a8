package dev.vault.sql.kind;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.Column;
import dev.vault.core.model.Model;
import dev.vault.core.model.Project;
import dev.vault.core.model.Source;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StageIdentity;
import dev.vault.core.model.StandardColumns;
import dev.vault.sql.TableDefinition;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** What the columns of a model's table or view hold, for documentation. */
public final class ColumnDocs
{
    private final Project project;

    public ColumnDocs(Project project)
    {
        this.project = requireNonNull(project, "project is null");
    }

    /** A stage's view columns: the source's as described, then what vault derives and hashes. */
    public ImmutableList<Column> stageColumns(Stage stage)
    {
        Source source = project.model(stage.source(), Source.class);
        Map<String, String> described = new HashMap<>();
        source.columns().forEach(column -> described.put(column.name(), column.description()));
        stage.derivedColumns().forEach(column -> described.putIfAbsent(column.name(), "Derived: " + column.sql().strip().replaceAll("\\s+", " ")));
        described.putIfAbsent(StandardColumns.LOAD_DATETIME, "When the row landed in bronze (from " + source.loadTimestamp() + ")");
        described.putIfAbsent(StandardColumns.RECORD_SOURCE, "Source system of the row: " + stage.recordSource(source).describe());
        stage.hashKeys().forEach(column -> described.putIfAbsent(column.name(), "Hash key of " + String.join(", ", column.columns())));
        stage.hashdiffs().forEach(column -> described.putIfAbsent(column.name(), "Hashdiff of " + String.join(", ", column.columns())));
        stage.identity().ifPresent(identity -> {
            described.putIfAbsent(StageIdentity.RECORD, "Identity of the source record (hash of " + String.join(", ", identity.recordKey()) + ")");
            described.putIfAbsent(StageIdentity.NAME, "Normalized name" + identity.name().map(column -> " (from " + column + ")").orElse(""));
            described.putIfAbsent(StageIdentity.EMAIL, "Normalized email" + identity.email().map(column -> " (from " + column + ")").orElse(""));
            described.putIfAbsent(StageIdentity.PHONE, "Normalized phone" + identity.phone().map(column -> " (from " + column + ")").orElse(""));
        });
        return project.stagedColumns(stage).entrySet().stream()
                .map(column -> new Column(column.getKey(), column.getValue(), described.getOrDefault(column.getKey(), ""), stage.location()))
                .collect(ImmutableList.toImmutableList());
    }

    /** A table's columns; one without a comment of its own is described as its first stage describes it. */
    public ImmutableList<Column> tableColumns(Model model, TableDefinition table)
    {
        Optional<String> stage = model.dependencies().stream().filter(name -> project.model(name) instanceof Stage).findFirst();
        Map<String, String> staged = new HashMap<>();
        stage.ifPresent(name -> stageColumns(project.model(name, Stage.class)).forEach(column -> staged.put(column.name(), column.description())));
        return table.columns().stream()
                .map(column -> new Column(column.name(), column.type(), column.comment().isEmpty() ? staged.getOrDefault(column.name(), "") : column.comment(), model.location()))
                .collect(ImmutableList.toImmutableList());
    }
}
