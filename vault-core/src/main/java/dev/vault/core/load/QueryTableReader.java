package dev.vault.core.load;

import com.google.common.collect.ImmutableSet;
import dev.vault.core.model.Bridge;
import dev.vault.core.model.Location;
import dev.vault.core.model.Mart;
import dev.vault.core.model.Pit;
import dev.vault.core.model.SnapshotControl;
import dev.vault.core.yaml.YamlReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the tables built by queries: {@code marts:} (their SQL, inline or in a file), {@code snapshots:}, {@code pits:} and {@code bridges:}. */
final class QueryTableReader
        extends ModelFieldsReader
{
    private static final Pattern TEMPLATE_EXPRESSION = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}", Pattern.DOTALL);
    private static final ImmutableSet<String> MART_KEYS = ImmutableSet.of("tags", "name", "description", "materialized", "sql", "sql-file", "columns", "maintenance", DataTestReader.KEY);
    private static final ImmutableSet<String> SNAPSHOT_CONTROL_KEYS = ImmutableSet.of("tags", "name", "description", "start-date", "end-date", "time", "maintenance", DataTestReader.KEY);
    private static final ImmutableSet<String> PIT_KEYS = ImmutableSet.of("tags", "name", "description", "parent", "satellites", "snapshots", "buckets", "maintenance", DataTestReader.KEY);
    private static final ImmutableSet<String> BRIDGE_KEYS = ImmutableSet.of("tags", "name", "description", "hub", "path", "snapshots", "buckets", "maintenance", DataTestReader.KEY);

    QueryTableReader(ModelFieldsReader reader)
    {
        super(reader);
    }

    Mart mart(Fields fields)
    {
        fields.rejectUnknownKeys(MART_KEYS);
        String sql = "";
        Location sqlLocation = fields.location();
        if (fields.has("sql") == fields.has("sql-file")) {
            problems.add(fields.location(), "%s needs exactly one of 'sql:' (the query, inline) or 'sql-file:' (a .sql file next to this one)", fields.what());
        }
        else if (fields.has("sql")) {
            sql = fields.string("sql", "");
            // a block scalar ('sql: |' or 'sql: >') starts on the line after its indicator
            Location value = fields.locationOf("sql");
            boolean block = value.line() >= 1 && value.line() <= position.lines.size()
                    && position.lines.get(value.line() - 1).substring(Math.min(value.column() - 1, position.lines.get(value.line() - 1).length())).matches("\\s*[|>].*");
            sqlLocation = new Location(value.file(), value.line() + (block ? 1 : 0), 1);
        }
        else {
            String file = fields.string("sql-file", "");
            Path path = projectRoot.resolve(fields.location().file()).resolveSibling(file).normalize();
            try {
                Path modelFolder = projectRoot.resolve(fields.location().file()).getParent().normalize();
                if (!path.startsWith(projectRoot) && !path.startsWith(modelFolder)) {
                    // a project reads only its own files (or those next to a model file kept elsewhere): no '../..' or absolute path to anything else on the machine
                    problems.add(fields.locationOf("sql-file"), "the SQL file '%s' of %s is outside the project folder; keep mart SQL files under the project", file, fields.what());
                }
                else if (!Files.isRegularFile(path)) {
                    problems.add(fields.locationOf("sql-file"), "the SQL file '%s' of %s does not exist (looked for %s); create it or fix 'sql-file:'",
                            file, fields.what(), projectRoot.relativize(path));
                }
                else if (Files.size(path) > YamlReader.MAX_FILE_BYTES) {
                    problems.add(fields.locationOf("sql-file"), "the SQL file '%s' of %s is %s MB; mart SQL files are limited to %s MB",
                            file, fields.what(), Files.size(path) / (1024 * 1024), YamlReader.MAX_FILE_BYTES / (1024 * 1024));
                }
                else {
                    sql = Files.readString(path, StandardCharsets.UTF_8);
                    sqlLocation = new Location(projectRoot.relativize(path), 1, 1);
                }
            }
            catch (IOException e) {
                problems.add(fields.locationOf("sql-file"), "cannot read the SQL file '%s' of %s: %s", file, fields.what(), e.getMessage());
            }
        }
        ImmutableSet.Builder<String> refs = ImmutableSet.builder();
        Matcher ref = Mart.REF.matcher(sql);
        while (ref.find()) {
            refs.add(ref.group(1));
            int line = sqlLocation.line() + (int) sql.substring(0, ref.start()).chars().filter(c -> c == '\n').count();
            index.put(position.model, "ref", ref.group(1), new Location(sqlLocation.file(), line, 1));
        }
        Matcher other = TEMPLATE_EXPRESSION.matcher(Mart.REF.matcher(sql).replaceAll(""));
        if (other.find()) {
            problems.add(sqlLocation, "%s uses '%s'; only {{ ref('model_name') }} is supported inside mart SQL", fields.what(), other.group());
        }
        if (sql.isBlank() && problems.isEmpty()) {
            problems.add(sqlLocation, "%s has no SQL", fields.what());
        }
        return new Mart(
                fields.string("name", ""),
                fields.string("description", ""),
                fields.enumValue("materialized", Mart.Materialization.class, Mart.Materialization.TABLE),
                sql,
                sqlLocation,
                refs.build(),
                fields.keyLocation("name"));
    }

    SnapshotControl snapshotControl(Fields fields)
    {
        fields.rejectUnknownKeys(SNAPSHOT_CONTROL_KEYS);
        String startText = fields.requiredString("start-date");
        LocalDate start = startText.isEmpty() ? LocalDate.EPOCH : date(fields, "start-date", startText).orElse(LocalDate.EPOCH);
        Optional<LocalDate> end = fields.string("end-date").flatMap(text -> date(fields, "end-date", text));
        if (end.isPresent() && end.get().isBefore(start)) {
            problems.add(fields.locationOf("end-date"), "'end-date' %s of %s is before its 'start-date' %s", end.get(), fields.what(), start);
        }
        LocalTime time = LocalTime.MIDNIGHT;
        Optional<String> text = fields.string("time");
        if (text.isPresent()) {
            try {
                time = LocalTime.parse(text.get());
            }
            catch (DateTimeParseException e) {
                problems.add(fields.locationOf("time"), "'time' of %s must be a time of day in UTC like '00:00:00' or '07:30', not '%s'", fields.what(), text.get());
            }
        }
        return new SnapshotControl(fields.string("name", ""), fields.string("description", ""), start, end, time, fields.keyLocation("name"));
    }

    private Optional<LocalDate> date(Fields fields, String key, String text)
    {
        try {
            return Optional.of(LocalDate.parse(text));
        }
        catch (DateTimeParseException e) {
            problems.add(fields.locationOf(key), "'%s' of %s must be a date like 2026-01-01, not '%s'", key, fields.what(), text);
            return Optional.empty();
        }
    }

    Pit pit(Fields fields)
    {
        fields.rejectUnknownKeys(PIT_KEYS);
        return new Pit(
                fields.string("name", ""),
                fields.string("description", ""),
                single(fields, "parent", fields.requiredString("parent")),
                values("satellites", fields.requiredStringList("satellites")),
                single(fields, "snapshots", fields.requiredString("snapshots")),
                layout(fields),
                fields.keyLocation("name"));
    }

    Bridge bridge(Fields fields)
    {
        fields.rejectUnknownKeys(BRIDGE_KEYS);
        return new Bridge(
                fields.string("name", ""),
                fields.string("description", ""),
                single(fields, "hub", fields.requiredString("hub")),
                values("path", fields.requiredStringList("path")),
                single(fields, "snapshots", fields.requiredString("snapshots")),
                layout(fields),
                fields.keyLocation("name"));
    }
}
