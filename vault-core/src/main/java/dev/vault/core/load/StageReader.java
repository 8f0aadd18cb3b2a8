package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.identity.IdentityPart;
import dev.vault.core.identity.IdentityPartKind;
import dev.vault.core.model.DerivedColumn;
import dev.vault.core.model.HashedColumn;
import dev.vault.core.model.Identifiers;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StageIdentity;
import dev.vault.core.yaml.YamlNode;

import java.util.Arrays;
import java.util.Optional;

/** Reads the {@code stages:} of a model file: derived columns, hash keys, hashdiffs and the identity block. */
final class StageReader
        extends ModelFieldsReader
{
    private static final ImmutableSet<String> STAGE_KEYS = ImmutableSet.of("tags", "name", "description", "source", "record-source", "derived-columns", "hash-keys", "hashdiffs", "identity", DataTestReader.KEY);
    private static final ImmutableSet<String> STAGE_IDENTITY_KEYS = ImmutableSet.of("record-key", "name", "email", "phone", "parts");
    private static final ImmutableSet<String> PART_KEYS = ImmutableSet.of("column", "kind");
    private static final ImmutableSet<String> KINDS = Arrays.stream(IdentityPartKind.values()).map(IdentityPartKind::id).collect(ImmutableSet.toImmutableSet());
    private static final ImmutableSet<String> DERIVED_KEYS = ImmutableSet.of("sql", "type");

    StageReader(ModelFieldsReader reader)
    {
        super(reader);
    }

    Stage stage(Fields fields)
    {
        fields.rejectUnknownKeys(STAGE_KEYS);
        ImmutableList.Builder<DerivedColumn> derived = ImmutableList.builder();
        fields.node("derived-columns").flatMap(node -> Fields.of(node, "'derived-columns' of " + fields.what(), problems)).ifPresent(entries -> {
            for (YamlNode.Entry entry : entries.mapping().entries().values()) {
                checkName(entry.key(), "derived column", entry.keyLocation());
                if (entry.value() instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
                    index.put(position.model, "derived-columns", entry.key(), scalar.location());
                    derived.add(new DerivedColumn(entry.key(), scalar.text(), dialect.textType(), entry.keyLocation()));
                }
                else {
                    Fields.of(entry.value(), "derived column '" + entry.key() + "'", problems).ifPresent(column -> {
                        column.rejectUnknownKeys(DERIVED_KEYS);
                        String type = type(column, column.string("type", dialect.textType()));
                        index.put(position.model, "derived-columns", entry.key(), column.locationOf("sql"));
                        derived.add(new DerivedColumn(entry.key(), column.requiredString("sql"), type, entry.keyLocation()));
                    });
                }
            }
        });
        Optional<StageIdentity> identity = fields.node("identity")
                .flatMap(node -> Fields.of(node, "'identity' of " + fields.what(), problems))
                .map(block -> {
                    block.rejectUnknownKeys(STAGE_IDENTITY_KEYS);
                    ImmutableList<String> recordKey = values("identity/record-key", block.requiredStringList("record-key"));
                    Optional<String> name = block.string("name").map(column -> single(block, "identity/name", "name", column));
                    Optional<String> email = block.string("email").map(column -> single(block, "identity/email", "email", column));
                    Optional<String> phone = block.string("phone").map(column -> single(block, "identity/phone", "phone", column));
                    ImmutableMap<String, StageIdentity.TypedPart> parts = typedParts(block, fields.what());
                    if (name.isEmpty() && email.isEmpty() && phone.isEmpty() && parts.isEmpty()) {
                        problems.add(block.location(), "'identity' of %s names none of 'name:', 'email:', 'phone:' or 'parts:'; name the columns that hold them", fields.what());
                    }
                    return new StageIdentity(recordKey, name, email, phone, parts, block.location());
                });
        return new Stage(
                fields.string("name", ""),
                fields.string("description", ""),
                single(fields, "source", fields.requiredString("source")),
                fields.has("record-source") ? Optional.of(recordSource(fields)) : Optional.empty(),
                derived.build(),
                hashedColumns(fields, "hash-keys", HashedColumn.Kind.HASH_KEY),
                hashedColumns(fields, "hashdiffs", HashedColumn.Kind.HASHDIFF),
                identity,
                fields.keyLocation("name"));
    }

    /** {@code parts:} of a stage's identity block: part name to {column, kind}. */
    private ImmutableMap<String, StageIdentity.TypedPart> typedParts(Fields block, String what)
    {
        ImmutableMap.Builder<String, StageIdentity.TypedPart> parts = ImmutableMap.builder();
        block.node("parts").flatMap(node -> Fields.of(node, "'identity/parts' of " + what, problems)).ifPresent(entries -> {
            for (YamlNode.Entry entry : entries.mapping().entries().values()) {
                String part = entry.key();
                checkName(part, "identity part", entry.keyLocation());
                if (IdentityPart.fromId(part).isPresent()) {
                    problems.add(entry.keyLocation(), "identity part '%s' of %s clashes with the built-in part '%s'; map its column with '%s:' above, or give this part another name such as '%s_2'",
                            part, what, part, part, part);
                    continue;
                }
                Fields.of(entry.value(), "identity part '" + part + "' of " + what, problems).ifPresent(spec -> {
                    spec.rejectUnknownKeys(PART_KEYS);
                    String column = single(spec, "identity/parts/" + part, "column", spec.requiredString("column"));
                    String kindId = spec.requiredString("kind");
                    Optional<IdentityPartKind> kind = IdentityPartKind.fromId(kindId);
                    if (kind.isEmpty()) {
                        if (!kindId.isEmpty()) {
                            problems.add(spec.locationOf("kind"), "identity part '%s' of %s has unknown kind '%s'; kinds are %s%s",
                                    part, what, kindId, String.join(", ", KINDS), Suggestions.hint(kindId, KINDS));
                        }
                        return;
                    }
                    if (!column.isEmpty() && Identifiers.isValid(part)) {
                        parts.put(part, new StageIdentity.TypedPart(part, column, kind.get(), entry.keyLocation()));
                    }
                });
            }
        });
        return parts.buildKeepingLast();
    }

    private ImmutableList<HashedColumn> hashedColumns(Fields fields, String key, HashedColumn.Kind kind)
    {
        ImmutableList.Builder<HashedColumn> columns = ImmutableList.builder();
        fields.node(key).flatMap(node -> Fields.of(node, "'" + key + "' of " + fields.what(), problems)).ifPresent(entries -> {
            for (YamlNode.Entry entry : entries.mapping().entries().values()) {
                checkName(entry.key(), "hashed column", entry.keyLocation());
                Fields holder = new Fields(entries.mapping(), "'" + key + "' of " + fields.what(), problems);
                ImmutableList<String> parts = values(key + "/" + entry.key(), holder.requiredStringList(entry.key()));
                columns.add(new HashedColumn(entry.key(), kind, parts, entry.keyLocation()));
            }
        });
        return columns.build();
    }
}
