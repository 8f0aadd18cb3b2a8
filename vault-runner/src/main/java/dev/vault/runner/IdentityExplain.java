package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.identity.IdentityComparison;
import dev.vault.core.identity.IdentityHasher;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.identity.IdentityPart;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.core.identity.TypedNormalizer;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Project;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StageIdentity;
import dev.vault.core.model.TableName;
import dev.vault.runner.IdentityExplanation.Evidence;
import dev.vault.runner.IdentityExplanation.Junk;
import dev.vault.runner.IdentityExplanation.Merge;
import dev.vault.runner.IdentityExplanation.Record;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.SqlText;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * {@code vault identity explain}: why the records of a person are one person. Reads the person's
 * records from the identity hub's resolved view and their normalized parts and keys from the
 * stages, then tells, with the rules the hub resolved them by: which key values they share, which
 * comparison accepted which pair (and by how many edits), which of their values the junk guard
 * left out and how many records each would have joined, and the merges of the same-as link.
 * Reads only; no run lock.
 */
final class IdentityExplain
{
    private static final Pattern HASH = Pattern.compile("[0-9A-Fa-f]{64}");

    private final Project project;
    private final SqlExecutor executor;

    IdentityExplain(Project project, SqlExecutor executor)
    {
        this.project = requireNonNull(project, "project is null");
        this.executor = requireNonNull(executor, "executor is null");
    }

    /**
     * @param hubName the identity hub, or empty for the project's only one
     * @param subject a person key, an {@code identity_record}, or {@code <stage>:<record key>} (values of a composite key joined by commas)
     */
    IdentityExplanation explain(Optional<String> hubName, String subject)
    {
        Hub hub = hub(hubName);
        TableName resolved = project.refTable(hub.resolvedView());
        try {
            String person = person(hub, resolved, subject);
            Map<String, String> firstResolvedTo = new TreeMap<>();
            for (List<Object> row : executor.query("SELECT \"identity_record\", \"first_resolved_to\" FROM %s WHERE %s = %s ORDER BY 1"
                    .formatted(resolved, SqlText.identifier(hub.hashKey()), SqlText.literal(person))).rows()) {
                firstResolvedTo.put(String.valueOf(row.get(0)), String.valueOf(row.get(1)));
            }
            List<Version> versions = versions(hub, firstResolvedTo.keySet());
            IdentitySettings settings = project.config().identity();

            ImmutableList.Builder<Record> records = ImmutableList.builder();
            Map<String, Version> firstVersion = new LinkedHashMap<>();
            versions.forEach(version -> firstVersion.putIfAbsent(version.record(), version));
            for (Map.Entry<String, String> record : firstResolvedTo.entrySet()) {
                Version version = firstVersion.get(record.getKey());
                records.add(version == null
                        ? new Record(record.getKey(), "", "", ImmutableMap.of(), record.getValue())
                        : new Record(record.getKey(), version.stage(), version.recordKey(), present(version.parts()), record.getValue()));
            }

            // what each version holds that the guard could find junk: its key values, its email and phone alone, its blocks
            Map<String, Set<String>> valuesOf = new TreeMap<>();
            for (Version version : versions) {
                for (IdentityKey key : settings.keys()) {
                    version.key(key).ifPresent(value -> valuesOf.computeIfAbsent(key.name() + "|" + value, ignored -> new TreeSet<>()).add(version.record()));
                }
                for (IdentityKey part : IdentitySettings.JUNK_CHECKED_PARTS) {
                    version.key(part).ifPresent(value -> valuesOf.computeIfAbsent(part.name() + "|" + value, ignored -> new TreeSet<>()).add(version.record()));
                }
                for (IdentityComparison comparison : settings.comparisons()) {
                    Optional.ofNullable(comparison.block(version.parts()))
                            .ifPresent(block -> valuesOf.computeIfAbsent(comparison.junkKeyName() + "|" + block, ignored -> new TreeSet<>()).add(version.record()));
                }
            }
            Map<String, Junk> junk = junk(hub, valuesOf);

            ImmutableList.Builder<Evidence> evidence = ImmutableList.builder();
            for (IdentityKey key : settings.keys()) {
                Map<String, Set<String>> byValue = new TreeMap<>();
                Map<String, String> sample = new LinkedHashMap<>();
                for (Version version : versions) {
                    Optional<String> value = version.key(key);
                    if (value.isEmpty() || junk.containsKey(key.name() + "|" + value.get()) || builtFromJunk(key, version, junk)) {
                        continue;
                    }
                    byValue.computeIfAbsent(value.get(), ignored -> new TreeSet<>()).add(version.record());
                    sample.putIfAbsent(value.get(), key.labels().stream().map(label -> version.parts().get(label)).reduce((left, right) -> left + " / " + right).orElse(""));
                }
                byValue.forEach((value, members) -> {
                    if (members.size() > 1) {
                        evidence.add(new Evidence("key", key.name(), sample.get(value), ImmutableList.copyOf(members), ""));
                    }
                });
            }
            for (IdentityComparison comparison : settings.comparisons()) {
                Set<String> seen = new HashSet<>();
                for (Version left : versions) {
                    for (Version right : versions) {
                        String block = comparison.block(left.parts());
                        if (left.record().compareTo(right.record()) >= 0 || block == null || !block.equals(comparison.block(right.parts()))
                                || junk.containsKey(comparison.junkKeyName() + "|" + block) || !comparison.accepts(left.parts(), right.parts())
                                || !seen.add(left.record() + "|" + right.record())) {
                            continue;
                        }
                        List<String> details = new ArrayList<>();
                        comparison.equal().forEach(part -> details.add("%s equal ('%s')".formatted(part, left.parts().get(part))));
                        comparison.maxEdits().forEach((part, edits) -> details.add("%s '%s' ~ '%s': %d of at most %d edits"
                                .formatted(part, left.parts().get(part), right.parts().get(part), TypedNormalizer.levenshtein(left.parts().get(part), right.parts().get(part)), edits)));
                        evidence.add(new Evidence("comparison", comparison.name(), block.replace(IdentityComparison.BLOCK_SEPARATOR, '/'),
                                ImmutableList.of(left.record(), right.record()), String.join("; ", details)));
                    }
                }
            }
            ImmutableList<Evidence> found = evidence.build();
            Set<String> explained = new HashSet<>();
            found.forEach(item -> explained.addAll(item.records()));
            ImmutableList<String> unexplained = firstResolvedTo.size() < 2
                    ? ImmutableList.of()
                    : firstResolvedTo.keySet().stream().filter(record -> !explained.contains(record)).collect(ImmutableList.toImmutableList());
            return new IdentityExplanation(hub.name(), person, records.build(), found, ImmutableList.copyOf(junk.values()), merges(hub, person), unexplained);
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.MODEL_FAILED, "cannot explain %s in %s: %s; build the hub first (vault run --select %s)".formatted(subject, hub.name(), e.getMessage(), hub.name()), e);
        }
    }

    /** The parts a record has; the ones it lacks are left out. */
    private static ImmutableMap<String, String> present(Map<String, String> parts)
    {
        ImmutableMap.Builder<String, String> present = ImmutableMap.builder();
        parts.forEach((part, value) -> {
            if (value != null) {
                present.put(part, value);
            }
        });
        return present.buildOrThrow();
    }

    private Hub hub(Optional<String> hubName)
    {
        List<Hub> hubs = project.models(Hub.class).stream().filter(Hub::identity).toList();
        if (hubName.isPresent()) {
            return hubs.stream().filter(hub -> hub.name().equals(hubName.get())).findFirst()
                    .orElseThrow(() -> new VaultException(ErrorCode.USAGE, "'%s' is not an identity hub; identity hubs: %s".formatted(hubName.get(), names(hubs))));
        }
        if (hubs.size() != 1) {
            throw new VaultException(ErrorCode.USAGE, hubs.isEmpty()
                    ? "the project has no identity hub (a hub with 'identity: true')"
                    : "the project has %d identity hubs (%s): say which with --hub".formatted(hubs.size(), names(hubs)));
        }
        return hubs.getFirst();
    }

    private static String names(List<Hub> hubs)
    {
        return String.join(", ", hubs.stream().map(Hub::name).toList());
    }

    /** The person the subject names: a person key itself, a record's current person, a stage record's. */
    private String person(Hub hub, TableName resolved, String subject)
            throws SQLException
    {
        String hashKey = SqlText.identifier(hub.hashKey());
        if (HASH.matcher(subject).matches()) {
            String hash = subject.toUpperCase(Locale.ROOT);
            Optional<String> ofRecord = executor.queryValue("SELECT %s FROM %s WHERE \"identity_record\" = %s".formatted(hashKey, resolved, SqlText.literal(hash)));
            if (ofRecord.isPresent()) {
                return ofRecord.get();
            }
            // a person key, or a person merged into another: its records now resolve to the master
            Optional<String> person = executor.queryValue("SELECT max_by(%1$s, \"first_resolved_to\" = %2$s) FROM %3$s WHERE \"first_resolved_to\" = %2$s OR %1$s = %2$s"
                    .formatted(hashKey, SqlText.literal(hash), resolved));
            return person.orElseThrow(() -> new VaultException(ErrorCode.USAGE, "no person or record %s in %s".formatted(hash, hub.name())));
        }
        int colon = subject.indexOf(':');
        if (colon < 0) {
            throw new VaultException(ErrorCode.USAGE, "say which record or person to explain: a person key or identity_record (64 hex digits), or <stage>:<record key>, "
                    + "e.g. %s:123".formatted(hub.sources().getFirst()));
        }
        String stageName = subject.substring(0, colon);
        if (!hub.sources().contains(stageName)) {
            throw new VaultException(ErrorCode.USAGE, "'%s' is not a stage of %s; its stages: %s".formatted(stageName, hub.name(), String.join(", ", hub.sources())));
        }
        Stage stage = project.model(stageName, Stage.class);
        List<String> keyColumns = stage.identity().orElseThrow().recordKey();
        String[] values = subject.substring(colon + 1).split(",", -1);
        if (values.length != keyColumns.size()) {
            throw new VaultException(ErrorCode.USAGE, "the record key of %s is %s: give %d value%s, e.g. %s:%s".formatted(stageName, String.join(", ", keyColumns), keyColumns.size(),
                    keyColumns.size() == 1 ? "" : "s, comma-separated", stageName, String.join(",", keyColumns)));
        }
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            conditions.add("CAST(stg.%s AS varchar) = %s".formatted(SqlText.identifier(keyColumns.get(i)), SqlText.literal(values[i])));
        }
        return executor.queryValue("SELECT max(resolved.%s) FROM %s AS stg JOIN %s AS resolved ON resolved.\"identity_record\" = stg.\"identity_record\" WHERE %s"
                        .formatted(hashKey, project.tableName(stage), resolved, String.join(" AND ", conditions)))
                .orElseThrow(() -> new VaultException(ErrorCode.USAGE, "no record %s in %s, or not resolved yet (vault run --select %s)".formatted(subject, stageName, hub.name())));
    }

    /** One staged row of a record: what the hub resolved it from. */
    private record Version(String record, String stage, String recordKey, Map<String, String> parts, Map<String, String> keys)
    {
        Optional<String> key(IdentityKey key)
        {
            // the junk-checked parts are keys of one part, computed as the hub computes them
            if (IdentitySettings.JUNK_CHECKED_PARTS.contains(key)) {
                return Optional.ofNullable(IdentityHasher.key(key, new IdentityHasher.Normalized(parts.get("name"), parts.get("email"), parts.get("phone"))));
            }
            return Optional.ofNullable(keys.get(key.name()));
        }
    }

    private List<Version> versions(Hub hub, Set<String> records)
            throws SQLException
    {
        List<Version> versions = new ArrayList<>();
        if (records.isEmpty()) {
            return versions;
        }
        String inList = String.join(", ", records.stream().map(SqlText::literal).toList());
        IdentitySettings settings = project.config().identity();
        // name, email, phone, then every typed part: each version carries all of them, by part name
        List<String> partNames = new ArrayList<>();
        for (IdentityPart part : IdentityPart.values()) {
            partNames.add(part.id());
        }
        partNames.addAll(settings.typedParts());
        for (String stageName : hub.sources()) {
            Stage stage = project.model(stageName, Stage.class);
            List<String> columns = new ArrayList<>();
            stage.identity().orElseThrow().recordKey().forEach(column -> columns.add("CAST(%s AS varchar)".formatted(SqlText.identifier(column))));
            partNames.forEach(part -> columns.add(SqlText.identifier(StageIdentity.columnOf(part))));
            settings.keys().forEach(key -> columns.add(SqlText.identifier(StageIdentity.KEY_PREFIX + key.name())));
            int keyWidth = stage.identity().orElseThrow().recordKey().size();
            QueryResult rows = executor.query("SELECT DISTINCT \"identity_record\", %s FROM %s WHERE \"identity_record\" IN (%s)"
                    .formatted(String.join(", ", columns), project.tableName(stage), inList));
            for (List<Object> row : rows.rows()) {
                List<String> recordKey = new ArrayList<>();
                for (int i = 0; i < keyWidth; i++) {
                    recordKey.add(String.valueOf(row.get(1 + i)));
                }
                Map<String, String> parts = new LinkedHashMap<>();
                for (int i = 0; i < partNames.size(); i++) {
                    Object value = row.get(1 + keyWidth + i);
                    parts.put(partNames.get(i), value == null ? null : value.toString());
                }
                Map<String, String> keys = new LinkedHashMap<>();
                for (int i = 0; i < settings.keys().size(); i++) {
                    Object value = row.get(1 + keyWidth + partNames.size() + i);
                    keys.put(settings.keys().get(i).name(), value == null ? null : value.toString());
                }
                versions.add(new Version(String.valueOf(row.get(0)), stageName, String.join(",", recordKey), parts, keys));
            }
        }
        versions.sort((left, right) -> left.record().compareTo(right.record()));
        return versions;
    }

    /** The junk report's rows for the values the person's records hold, with how many records each would have joined. */
    private Map<String, Junk> junk(Hub hub, Map<String, Set<String>> valuesOf)
            throws SQLException
    {
        Map<String, Junk> junk = new LinkedHashMap<>();
        if (valuesOf.isEmpty()) {
            return junk;
        }
        Set<String> values = new LinkedHashSet<>();
        valuesOf.keySet().forEach(entry -> values.add(entry.substring(entry.indexOf('|') + 1)));
        QueryResult rows = executor.query("SELECT \"key_name\", \"key_value\", \"sample\", \"records\" FROM %s WHERE \"key_value\" IN (%s) ORDER BY \"records\" DESC, 1, 2"
                .formatted(project.refTable(hub.junkKeysTable()), String.join(", ", values.stream().map(SqlText::literal).toList())));
        for (List<Object> row : rows.rows()) {
            String entry = row.get(0) + "|" + row.get(1);
            if (valuesOf.containsKey(entry)) {
                junk.put(entry, new Junk(String.valueOf(row.get(0)), row.get(2) == null ? "" : row.get(2).toString(), Long.parseLong(String.valueOf(row.get(3))),
                        ImmutableList.copyOf(valuesOf.get(entry))));
            }
        }
        return junk;
    }

    /** A key built from a junk email or phone is not matched on, as in the hub's edges. */
    private static boolean builtFromJunk(IdentityKey key, Version version, Map<String, Junk> junk)
    {
        for (IdentityKey part : IdentitySettings.JUNK_CHECKED_PARTS) {
            if (key.parts().containsAll(part.parts())) {
                Optional<String> value = version.key(part);
                if (value.isPresent() && junk.containsKey(part.name() + "|" + value.get())) {
                    return true;
                }
            }
        }
        return false;
    }

    private ImmutableList<Merge> merges(Hub hub, String person)
            throws SQLException
    {
        String master = SqlText.identifier(hub.hashKey() + "_master");
        String duplicate = SqlText.identifier(hub.hashKey() + "_duplicate");
        QueryResult rows = executor.query("SELECT %1$s, %2$s, CAST(\"load_datetime\" AS varchar) FROM %3$s WHERE %1$s = %4$s OR %2$s = %4$s ORDER BY 3, 2"
                .formatted(master, duplicate, project.refTable(hub.sameAsTable()), SqlText.literal(person)));
        return rows.rows().stream()
                .map(row -> new Merge(String.valueOf(row.get(0)), String.valueOf(row.get(1)), String.valueOf(row.get(2))))
                .collect(ImmutableList.toImmutableList());
    }
}
