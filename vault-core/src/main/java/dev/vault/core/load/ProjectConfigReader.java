package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.identity.IdentityPart;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.core.model.Identifiers;
import dev.vault.core.model.Layer;
import dev.vault.core.model.Location;
import dev.vault.core.project.HashingSettings;
import dev.vault.core.project.ProjectConfig;
import dev.vault.core.project.TargetConfig;
import dev.vault.core.yaml.YamlNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads {@code vault.yml}; every key has a default except {@code name}. */
final class ProjectConfigReader
{
    static final String DEFAULT_TARGET = "embedded";

    private static final ImmutableSet<String> KEYS = ImmutableSet.of(
            "name", "version", "model-paths", "seed-paths", "target-path", "catalog", "schemas", "target", "targets", "hashing", "identity");
    private static final ImmutableSet<String> IDENTITY_KEYS = ImmutableSet.of("default-country", "keys", "max-records-per-key");
    private static final ImmutableSet<String> HASHING_KEYS = ImmutableSet.of("algorithm", "business-key-case");
    private static final ImmutableSet<String> EMBEDDED_KEYS = ImmutableSet.of("type", "warehouse", "port");
    private static final ImmutableSet<String> TRINO_KEYS = ImmutableSet.of("type", "jdbc-url", "user", "password-env");

    private ProjectConfigReader() {}

    static ProjectConfig read(Path root, Path displayPath, YamlNode node, Problems problems)
    {
        Fields fields = Fields.of(node, ProjectConfig.FILE_NAME, problems).orElse(null);
        if (fields == null) {
            problems.throwIfAny();
        }
        fields.rejectUnknownKeys(KEYS);
        String name = fields.requiredString("name");
        checkName(name, "project name", fields.locationOf("name"), problems);
        int version = fields.integer("version", 1, 1, Integer.MAX_VALUE);
        if (version != 1) {
            problems.add(fields.locationOf("version"), "this vault reads project format version 1, the file says %s; upgrade vault", version);
        }

        ImmutableList<Path> modelPaths = paths(root, fields, "model-paths", "models", problems);
        ImmutableList<Path> seedPaths = paths(root, fields, "seed-paths", "seeds", problems);
        Path targetPath = root.resolve(fields.string("target-path", ".vault")).normalize();

        String catalog = fields.string("catalog", "iceberg");
        checkName(catalog, "catalog", fields.locationOf("catalog"), problems);

        ImmutableMap<Layer, String> schemas = schemas(fields, problems);
        HashingSettings hashing = hashing(fields, problems);
        IdentitySettings identity = identity(fields, problems);

        Map<String, TargetConfig> targets = new LinkedHashMap<>();
        targets.put(DEFAULT_TARGET, new TargetConfig.Embedded(DEFAULT_TARGET, targetPath.resolve("warehouse"), OptionalInt.empty()));
        fields.node("targets").ifPresent(targetsNode -> Fields.of(targetsNode, "'targets' of vault.yml", problems).ifPresent(targetFields -> {
            for (YamlNode.Entry entry : targetFields.mapping().entries().values()) {
                checkName(entry.key(), "target name", entry.keyLocation(), problems);
                Fields.of(entry.value(), "target '" + entry.key() + "'", problems)
                        .flatMap(target -> target(root, entry.key(), target, problems))
                        .ifPresent(target -> targets.put(entry.key(), target));
            }
        }));
        String defaultTarget = fields.string("target", DEFAULT_TARGET);
        if (!targets.containsKey(defaultTarget)) {
            problems.add(fields.locationOf("target"), "target '%s' is not defined under 'targets:'%s", defaultTarget, Suggestions.hint(defaultTarget, targets.keySet()));
            defaultTarget = DEFAULT_TARGET;
        }

        problems.throwIfAny();
        return new ProjectConfig(name, root, modelPaths, seedPaths, targetPath, catalog, schemas, defaultTarget, ImmutableMap.copyOf(targets), hashing, identity);
    }

    private static ImmutableList<Path> paths(Path root, Fields fields, String key, String defaultPath, Problems problems)
    {
        ImmutableList<Fields.Located<String>> values = fields.stringList(key);
        if (!fields.has(key)) {
            return ImmutableList.of(root.resolve(defaultPath));
        }
        if (key.equals("model-paths")) {
            // said here, where the line is known; a missing default folder is reported when the models are listed
            values.stream()
                    .filter(value -> !Files.isDirectory(root.resolve(value.value()).normalize()))
                    .forEach(value -> problems.add(value.location(), "model path '%s' is not a folder; fix 'model-paths:' or create it", value.value()));
        }
        return values.stream()
                .map(value -> root.resolve(value.value()).normalize())
                .collect(ImmutableList.toImmutableList());
    }

    private static ImmutableMap<Layer, String> schemas(Fields fields, Problems problems)
    {
        Map<Layer, String> schemas = new LinkedHashMap<>();
        schemas.put(Layer.BRONZE, "bronze");
        schemas.put(Layer.STAGING, "silver");
        schemas.put(Layer.SILVER, "silver");
        schemas.put(Layer.GOLD, "gold");
        fields.node("schemas").flatMap(node -> Fields.of(node, "'schemas' of vault.yml", problems)).ifPresent(schemaFields -> {
            ImmutableSet<String> layers = ImmutableSet.of("bronze", "staging", "silver", "gold");
            schemaFields.rejectUnknownKeys(layers);
            for (String layer : layers) {
                schemaFields.string(layer).ifPresent(schema -> {
                    checkName(schema, "schema", schemaFields.locationOf(layer), problems);
                    schemas.put(Layer.valueOf(layer.toUpperCase(Locale.ROOT)), schema);
                });
            }
        });
        return ImmutableMap.copyOf(schemas);
    }

    private static HashingSettings hashing(Fields fields, Problems problems)
    {
        return fields.node("hashing")
                .flatMap(node -> Fields.of(node, "'hashing' of vault.yml", problems))
                .map(hashing -> {
                    hashing.rejectUnknownKeys(HASHING_KEYS);
                    return new HashingSettings(
                            hashing.enumValue("algorithm", HashingSettings.Algorithm.class, HashingSettings.Algorithm.SHA256),
                            hashing.enumValue("business-key-case", HashingSettings.KeyCase.class, HashingSettings.KeyCase.UPPER));
                })
                .orElse(HashingSettings.defaults());
    }

    private static IdentitySettings identity(Fields fields, Problems problems)
    {
        Optional<Fields> identity = fields.node("identity").flatMap(node -> Fields.of(node, "'identity' of vault.yml", problems));
        if (identity.isEmpty()) {
            return IdentitySettings.defaults();
        }
        Fields settings = identity.get();
        settings.rejectUnknownKeys(IDENTITY_KEYS);
        IdentitySettings defaults = IdentitySettings.defaults();
        String country = settings.string("default-country", defaults.defaultCountry());
        if (!country.matches("[A-Z]{2}")) {
            problems.add(settings.locationOf("default-country"), "'default-country' must be a two-letter ISO country code such as BR, found '%s'", country);
            country = defaults.defaultCountry();
        }
        int maxRecords = settings.integer("max-records-per-key", defaults.maxRecordsPerKey(), 2, Integer.MAX_VALUE);
        ImmutableList<IdentityKey> keys = defaults.keys();
        Optional<Fields> keyFields = settings.node("keys").flatMap(node -> Fields.of(node, "'keys' of 'identity'", problems));
        if (keyFields.isPresent()) {
            int problemsBefore = problems.size();
            ImmutableList.Builder<IdentityKey> configured = ImmutableList.builder();
            Set<Set<IdentityPart>> seen = new HashSet<>();
            ImmutableSet<String> partNames = Arrays.stream(IdentityPart.values()).map(IdentityPart::id).collect(ImmutableSet.toImmutableSet());
            for (YamlNode.Entry entry : keyFields.get().mapping().entries().values()) {
                checkName(entry.key(), "identity key name", entry.keyLocation(), problems);
                ImmutableSortedSet.Builder<IdentityPart> parts = ImmutableSortedSet.naturalOrder();
                for (Fields.Located<String> part : keyFields.get().requiredStringList(entry.key())) {
                    if (!partNames.contains(part.value())) {
                        problems.add(part.location(), "identity key '%s' has part '%s'; parts are name, email and phone%s", entry.key(), part.value(), Suggestions.hint(part.value(), partNames));
                        continue;
                    }
                    parts.add(IdentityPart.valueOf(part.value().toUpperCase(Locale.ROOT)));
                }
                ImmutableSortedSet<IdentityPart> built = parts.build();
                boolean reservedName = !built.isEmpty() && IdentitySettings.JUNK_CHECKED_PARTS.stream()
                        .anyMatch(part -> part.name().equals(entry.key()) && !part.parts().equals(built));
                if (reservedName) {
                    problems.add(entry.keyLocation(), "identity key '%s' must be made of %s alone, the name the junk report uses for it; give this key another name",
                            entry.key(), entry.key());
                    continue;
                }
                if (!built.isEmpty() && Identifiers.isValid(entry.key())) {
                    if (!seen.add(built)) {
                        problems.add(entry.keyLocation(), "identity key '%s' has the same parts as an earlier key; remove one", entry.key());
                    }
                    configured.add(new IdentityKey(entry.key(), built));
                }
            }
            keys = configured.build();
            if (keys.isEmpty() && problems.size() == problemsBefore) {
                problems.add(settings.locationOf("keys"), "'keys' of 'identity' must define at least one key, e.g. 'email: [email]'");
            }
        }
        if (keys.isEmpty()) {
            keys = defaults.keys();
        }
        return new IdentitySettings(country, keys, maxRecords);
    }

    private static Optional<TargetConfig> target(Path root, String name, Fields fields, Problems problems)
    {
        String type = fields.string("type", "trino");
        switch (type) {
            case "embedded" -> {
                fields.rejectUnknownKeys(EMBEDDED_KEYS);
                Path warehouse = root.resolve(fields.string("warehouse", ".vault/warehouse")).normalize();
                int port = fields.integer("port", 0, 1, 65535);
                return Optional.of(new TargetConfig.Embedded(name, warehouse, port == 0 ? OptionalInt.empty() : OptionalInt.of(port)));
            }
            case "trino" -> {
                fields.rejectUnknownKeys(TRINO_KEYS);
                String url = fields.requiredString("jdbc-url");
                if (!url.isEmpty() && !url.startsWith("jdbc:trino://")) {
                    problems.add(fields.locationOf("jdbc-url"), "'jdbc-url' of target '%s' must start with 'jdbc:trino://', e.g. jdbc:trino://trino.example.com:443/iceberg?SSL=true", name);
                }
                if (url.toLowerCase(Locale.ROOT).matches(".*[?&](password|accesstoken)=.*")) {
                    problems.add(fields.locationOf("jdbc-url"), "'jdbc-url' of target '%s' must not hold a password or token; put it in an environment variable and name it with 'password-env:'", name);
                }
                return Optional.of(new TargetConfig.Trino(name, url, fields.string("user"), fields.string("password-env")));
            }
            default -> {
                problems.add(fields.locationOf("type"), "target '%s' has type '%s'; use 'embedded' or 'trino'", name, type);
                return Optional.empty();
            }
        }
    }

    private static void checkName(String name, String what, Location location, Problems problems)
    {
        if (!name.isEmpty()) {
            Identifiers.check(name, what).ifPresent(message -> problems.add(location, message));
        }
    }
}
