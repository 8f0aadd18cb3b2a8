package dev.vault.sql.kind;

import com.google.common.hash.Hashing;
import dev.vault.core.model.Source;
import dev.vault.core.model.TableName;
import dev.vault.core.seed.Seed;
import dev.vault.sql.Guard;
import dev.vault.sql.Statement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A seed: replaces a source table with the rows of its CSV files ({@code seed.ftl}). The table
 * comment carries a fingerprint of the statement without the files' names (the table's columns
 * and rows), so a seed whose rows did not change is skipped, from whatever folder it is read.
 */
public final class SeedCompiler
{
    private final CompileContext context;

    public SeedCompiler(CompileContext context)
    {
        this.context = requireNonNull(context, "context is null");
    }

    /** Replaces a source table with the seed's rows; skipped by the runner when the fingerprint matches. */
    public Statement seed(Seed seed)
    {
        Source source = seed.source();
        TableName target = context.project().tableName(source);
        List<List<String>> rows = new ArrayList<>();
        for (Seed.Row row : seed.rows()) {
            rows.add(row.values().stream().map(value -> value.orElse("")).toList());
        }
        boolean empty = rows.isEmpty();
        if (empty) {
            rows.add(Collections.nCopies(source.columns().size(), ""));
        }
        String files = String.join(", ", seed.files().stream().map(Path::toString).toList());
        Map<String, Object> model = new HashMap<>(Map.of(
                "model", CompileContext.header(source),
                "target", target,
                "files", files,
                "rowCount", seed.rows().size(),
                "columns", CompileContext.sourceColumns(source),
                "rows", rows,
                "empty", empty));
        model.put("tableComment", "");
        model.put("files", "");
        String fingerprint = Hashing.sha256().hashString(context.render("seed.ftl", model), StandardCharsets.UTF_8).toString();
        model.put("files", files);
        model.put("tableComment", "Seeded by vault from " + files + Guard.FINGERPRINT_MARK + fingerprint);
        return new Statement(source.name(), Statement.Kind.REPLACE, target, context.render("seed.ftl", model));
    }
}
