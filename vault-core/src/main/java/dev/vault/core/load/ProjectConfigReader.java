package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import dev.vault.core.dialect.JdbcDriver;
import dev.vault.core.identity.IdentityComparison;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.identity.IdentityPart;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.core.maintenance.MaintenancePolicy;
import dev.vault.core.maintenance.MaintenanceSettings;
import dev.vault.core.model.DeclaredTest;
import dev.vault.core.model.Identifiers;
import dev.vault.core.model.Layer;
import dev.vault.core.model.Location;
import dev.vault.core.project.HashingSettings;
import dev.vault.core.project.LoadingSettings;
import dev.vault.core.project.ProjectConfig;
import dev.vault.core.project.TargetConfig;
import dev.vault.core.yaml.YamlNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads {@code vault.yml}; every key has a default except {@code name}. */
final class ProjectConfigReader
{
    static final String DEFAULT_TARGET = "embedded";

    private static final ImmutableSet<String> KEYS = ImmutableSet.of(
            "name", "version", "model-paths", "seed-paths", "target-path", "catalog", "schemas", "target", "targets", "hashing", "loading", "identity",
            "maintenance");
    private static final ImmutableSet<String> BUILT_IN_PARTS = Arrays.stream(IdentityPart.values()).map(IdentityPart::id).collect(ImmutableSet.toImmutableSet());
    private static final ImmutableSet<String> IDENTITY_KEYS = ImmutableSet.of("default-country", "keys", "max-records-per-key", "comparisons");
    private static final ImmutableSet<String> COMPARISON_KEYS = ImmutableSet.of("block-on", "max-block-size", "equal", "max-edits");
    private static final ImmutableSet<String> HASHING_KEYS = ImmutableSet.of("algorithm", "business-key-case");
    private static final ImmutableSet<String> LOADING_KEYS = ImmutableSet.of("null-keys", "ghost-records", "end-of-time", "conflicts", "conflicts-severity", "unknown-member-key");
    private static final ImmutableSet<String> EMBEDDED_KEYS = ImmutableSet.of("type", "warehouse", "port", "catalog", "schemas");
    private static final ImmutableSet<String> CREDENTIAL_KEYS = ImmutableSet.of("password-env", "password-file", "token-env", "token-file");
    private static final ImmutableSet<String> TLS_KEYS = ImmutableSet.of(
            "ssl-verification", "ssl-truststore-path", "ssl-truststore-password-env", "ssl-truststore-type");
    private static final ImmutableSet<String> TRINO_KEYS = ImmutableSet.<String>builder()
            .add("type", "jdbc-url", "user")
            .addAll(CREDENTIAL_KEYS)
            .add("ssl")
            .addAll(TLS_KEYS)
            .add("session-properties", "catalog", "schemas")
            .build();
    // a session property is 'name' or 'catalog.name'
    private static final Pattern SESSION_PROPERTY = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern STORE_TYPE = Pattern.compile("[A-Za-z0-9_-]+");

    private static final Pattern END_OF_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?)? UTC");

    private ProjectConfigReader() {}

    static ProjectConfig read(Path root, Path displayPath, YamlNode node, JdbcDriver driver, Problems problems)
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
        LoadingSettings loading = loading(fields, problems);
        IdentitySettings identity = identity(fields, problems);
        MaintenanceSettings maintenance = maintenance(fields, problems);

        Map<String, TargetConfig> targets = new LinkedHashMap<>();
        targets.put(DEFAULT_TARGET, new TargetConfig.Embedded(DEFAULT_TARGET, targetPath.resolve("warehouse"), OptionalInt.empty()));
        fields.node("targets").ifPresent(targetsNode -> Fields.of(targetsNode, "'targets' of vault.yml", problems).ifPresent(targetFields -> {
            for (YamlNode.Entry entry : targetFields.mapping().entries().values()) {
                checkName(entry.key(), "target name", entry.keyLocation(), problems);
                Fields.of(entry.value(), "target '" + entry.key() + "'", problems)
                        .flatMap(target -> target(root, entry.key(), target, driver, problems))
                        .ifPresent(target -> targets.put(entry.key(), target));
            }
        }));
        String defaultTarget = fields.string("target", DEFAULT_TARGET);
        if (!targets.containsKey(defaultTarget)) {
            problems.add(fields.locationOf("target"), "target '%s' is not defined under 'targets:'%s", defaultTarget, Suggestions.hint(defaultTarget, targets.keySet()));
            defaultTarget = DEFAULT_TARGET;
        }

        problems.throwIfAny();
        return new ProjectConfig(name, root, modelPaths, seedPaths, targetPath, catalog, schemas, defaultTarget, ImmutableMap.copyOf(targets), hashing, loading, identity, maintenance);
    }

    private static MaintenanceSettings maintenance(Fields fields, Problems problems)
    {
        return fields.node("maintenance")
                .flatMap(node -> Fields.of(node, "'maintenance' of vault.yml", problems))
                .map(block -> {
                    block.rejectUnknownKeys(ImmutableSet.<String>builder().addAll(MaintenanceReader.POLICY_KEYS).add("sources").build());
                    return new MaintenanceSettings(MaintenanceReader.policy(block, MaintenancePolicy.DEFAULT, problems), block.bool("sources", false));
                })
                .orElse(MaintenanceSettings.defaultSettings());
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
        schemas.putAll(schemaNames(fields, "'schemas' of vault.yml", problems));
        return ImmutableMap.copyOf(schemas);
    }

    /** The schemas a 'schemas:' mapping names, by layer. */
    private static ImmutableMap<Layer, String> schemaNames(Fields fields, String what, Problems problems)
    {
        Map<Layer, String> schemas = new LinkedHashMap<>();
        fields.node("schemas").flatMap(node -> Fields.of(node, what, problems)).ifPresent(schemaFields -> {
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

    private static LoadingSettings loading(Fields fields, Problems problems)
    {
        return fields.node("loading")
                .flatMap(node -> Fields.of(node, "'loading' of vault.yml", problems))
                .map(loading -> {
                    loading.rejectUnknownKeys(LOADING_KEYS);
                    String endOfTime = loading.string("end-of-time", LoadingSettings.DEFAULT_END_OF_TIME);
                    if (!END_OF_TIME.matcher(endOfTime).matches()) {
                        problems.add(loading.locationOf("end-of-time"), "'end-of-time' must be a UTC timestamp like '%s' or '8888-12-31 00:00:00 UTC', found '%s'",
                                LoadingSettings.DEFAULT_END_OF_TIME, endOfTime);
                        endOfTime = LoadingSettings.DEFAULT_END_OF_TIME;
                    }
                    return new LoadingSettings(
                            loading.enumValue("null-keys", LoadingSettings.NullKeys.class, LoadingSettings.NullKeys.ZERO_KEY),
                            loading.bool("ghost-records", true),
                            endOfTime,
                            loading.enumValue("conflicts", LoadingSettings.Conflicts.class, LoadingSettings.Conflicts.SET_ASIDE),
                            loading.enumValue("conflicts-severity", DeclaredTest.Severity.class, DeclaredTest.Severity.WARN),
                            // 'unknown-member-key: null' says the default out loud
                            loading.node("unknown-member-key").filter(node -> !(node instanceof YamlNode.Scalar scalar && scalar.isNull()))
                                    .flatMap(ignored -> loading.string("unknown-member-key")));
                })
                .orElse(LoadingSettings.defaults());
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
        // 'off' switches the junk guard off: every shared key value is matched on
        int maxRecords = settings.node("max-records-per-key")
                .filter(node -> node instanceof YamlNode.Scalar scalar && "off".equals(scalar.text()))
                .map(ignored -> IdentitySettings.NO_JUNK_GUARD)
                .orElseGet(() -> settings.integer("max-records-per-key", defaults.maxRecordsPerKey(), 2, Integer.MAX_VALUE));
        ImmutableList<IdentityKey> keys = defaults.keys();
        Optional<Fields> keyFields = settings.node("keys").flatMap(node -> Fields.of(node, "'keys' of 'identity'", problems));
        if (keyFields.isPresent()) {
            int problemsBefore = problems.size();
            ImmutableList.Builder<IdentityKey> configured = ImmutableList.builder();
            Set<List<String>> seen = new HashSet<>();
            for (YamlNode.Entry entry : keyFields.get().mapping().entries().values()) {
                checkName(entry.key(), "identity key name", entry.keyLocation(), problems);
                ImmutableSortedSet.Builder<IdentityPart> parts = ImmutableSortedSet.naturalOrder();
                // any other part is typed: a stage's 'identity: parts:' names it (checked against the identity hub's stages)
                ImmutableSortedSet.Builder<String> typedParts = ImmutableSortedSet.naturalOrder();
                for (Fields.Located<String> part : keyFields.get().requiredStringList(entry.key())) {
                    Optional<IdentityPart> builtIn = IdentityPart.fromId(part.value());
                    if (builtIn.isPresent()) {
                        parts.add(builtIn.get());
                    }
                    else if (typedPartName(part.value())) {
                        typedParts.add(part.value());
                    }
                    else {
                        // a near miss of name, email or phone is a typo, not a typed part: said here, at its line
                        problems.add(part.location(), "identity key '%s' has part '%s'; parts are name, email, phone or a part a stage declares under 'identity: parts:'%s",
                                entry.key(), part.value(), Suggestions.hint(part.value(), BUILT_IN_PARTS));
                    }
                }
                ImmutableSortedSet<IdentityPart> builtParts = parts.build();
                ImmutableSortedSet<String> builtTyped = typedParts.build();
                IdentityKey candidate = builtParts.isEmpty() && builtTyped.isEmpty() || !Identifiers.isValid(entry.key())
                        ? null
                        : new IdentityKey(entry.key(), builtParts, builtTyped);
                boolean reservedName = candidate != null && IdentitySettings.JUNK_CHECKED_PARTS.stream()
                        .anyMatch(part -> part.name().equals(entry.key()) && !part.labels().equals(candidate.labels()));
                if (reservedName) {
                    problems.add(entry.keyLocation(), "identity key '%s' must be made of %s alone, the name the junk report uses for it; give this key another name",
                            entry.key(), entry.key());
                    continue;
                }
                if (candidate != null) {
                    if (!seen.add(candidate.labels())) {
                        problems.add(entry.keyLocation(), "identity key '%s' has the same parts as an earlier key; remove one", entry.key());
                    }
                    configured.add(candidate);
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
        return new IdentitySettings(country, keys, maxRecords, comparisons(settings, keys, problems));
    }

    /**
     * {@code comparisons:} of {@code identity:}, by name: {@code block-on} (parts whose values a
     * pair shares), {@code max-block-size}, and the rules, {@code equal} (parts) and
     * {@code max-edits} (part to edits). Part names are checked as key parts are, here for the
     * built-in ones and near misses, against the stages for typed ones (IdentityPartsValidator).
     */
    private static ImmutableList<IdentityComparison> comparisons(Fields settings, List<IdentityKey> keys, Problems problems)
    {
        Optional<Fields> comparisonFields = settings.node("comparisons").flatMap(node -> Fields.of(node, "'comparisons' of 'identity'", problems));
        if (comparisonFields.isEmpty()) {
            return ImmutableList.of();
        }
        ImmutableList.Builder<IdentityComparison> comparisons = ImmutableList.builder();
        Set<String> names = new HashSet<>();
        keys.forEach(key -> names.add(key.name()));
        for (YamlNode.Entry entry : comparisonFields.get().mapping().entries().values()) {
            checkName(entry.key(), "identity comparison name", entry.keyLocation(), problems);
            if (!names.add(entry.key())) {
                problems.add(entry.keyLocation(), "identity comparison '%s' has the name of a key or an earlier comparison; names are shared by keys and comparisons in the explain output", entry.key());
            }
            Optional<Fields> fields = Fields.of(entry.value(), "identity comparison '" + entry.key() + "'", problems);
            if (fields.isEmpty()) {
                continue;
            }
            Fields comparison = fields.get();
            comparison.rejectUnknownKeys(COMPARISON_KEYS);
            int before = problems.size();
            List<String> blockOn = comparisonParts(entry.key(), comparison.requiredStringList("block-on"), problems);
            int maxBlockSize = comparison.integer("max-block-size", IdentityComparison.DEFAULT_MAX_BLOCK_SIZE, 2, 100_000);
            Set<String> equal = new TreeSet<>(comparisonParts(entry.key(), comparison.stringList("equal"), problems));
            Map<String, Integer> maxEdits = new TreeMap<>();
            comparison.node("max-edits").flatMap(node -> Fields.of(node, "'max-edits' of identity comparison '" + entry.key() + "'", problems)).ifPresent(edits -> {
                for (YamlNode.Entry rule : edits.mapping().entries().values()) {
                    if (comparisonParts(entry.key(), List.of(new Fields.Located<>(rule.key(), rule.keyLocation())), problems).isEmpty()) {
                        continue;
                    }
                    maxEdits.put(rule.key(), edits.integer(rule.key(), 1, 1, IdentityComparison.MAX_EDITS));
                }
            });
            if (equal.isEmpty() && maxEdits.isEmpty() && problems.size() == before) {
                problems.add(entry.keyLocation(), "identity comparison '%s' has no rule; add 'equal: [part, ...]' or 'max-edits: {part: edits}', e.g. 'max-edits: {name: 2}'", entry.key());
            }
            if (problems.size() == before && Identifiers.isValid(entry.key())) {
                comparisons.add(new IdentityComparison(entry.key(), blockOn, maxBlockSize, equal, maxEdits));
            }
        }
        return comparisons.build();
    }

    /**
     * Whether a part name that is not name, email or phone names a typed part (which a stage
     * declares); a near miss of a built-in part (phnoe) is a typo, to be said at its line.
     */
    private static boolean typedPartName(String part)
    {
        return Identifiers.isValid(part) && Suggestions.closest(part, BUILT_IN_PARTS).isEmpty();
    }

    private static List<String> comparisonParts(String comparison, List<Fields.Located<String>> parts, Problems problems)
    {
        List<String> names = new ArrayList<>();
        for (Fields.Located<String> part : parts) {
            if (IdentityPart.fromId(part.value()).isPresent() || typedPartName(part.value())) {
                names.add(part.value());
            }
            else {
                problems.add(part.location(), "identity comparison '%s' has part '%s'; parts are name, email, phone or a part a stage declares under 'identity: parts:'%s",
                        comparison, part.value(), Suggestions.hint(part.value(), BUILT_IN_PARTS));
            }
        }
        return names;
    }

    private static Optional<TargetConfig> target(Path root, String name, Fields fields, JdbcDriver driver, Problems problems)
    {
        String type = fields.string("type", "trino");
        switch (type) {
            case "embedded" -> {
                fields.rejectUnknownKeys(EMBEDDED_KEYS);
                Path warehouse = root.resolve(fields.string("warehouse", ".vault/warehouse")).normalize();
                int port = fields.integer("port", 0, 1, 65535);
                return Optional.of(new TargetConfig.Embedded(name, warehouse, port == 0 ? OptionalInt.empty() : OptionalInt.of(port), namespace(name, fields, problems)));
            }
            case "trino" -> {
                fields.rejectUnknownKeys(TRINO_KEYS);
                String url = fields.requiredString("jdbc-url");
                if (!url.isEmpty() && !driver.acceptsUrl(url)) {
                    problems.add(fields.locationOf("jdbc-url"), "'jdbc-url' of target '%s' must start with '%s', e.g. %s", name, driver.urlPrefix(), driver.urlExample());
                }
                if (driver.urlHoldsSecret(url)) {
                    problems.add(fields.locationOf("jdbc-url"), "'jdbc-url' of target '%s' must not hold a password or token; put it in an environment variable and name it with 'password-env:'", name);
                }
                for (String parameter : driver.urlProperties(url)) {
                    for (String key : TRINO_KEYS) {
                        driver.propertyOf(key).filter(property -> fields.has(key) && property.equalsIgnoreCase(parameter)).ifPresent(property ->
                                problems.add(fields.keyLocation(key), "target '%s' sets '%s' both with '%s:' and in its 'jdbc-url'; remove it from one of them", name, property, key));
                    }
                }
                return Optional.of(new TargetConfig.Trino(name, url, fields.string("user"), credential(root, name, fields, problems), tls(root, name, fields, url, driver, problems),
                        sessionProperties(name, fields, driver, problems), namespace(name, fields, problems)));
            }
            default -> {
                problems.add(fields.locationOf("type"), "target '%s' has type '%s'; use 'embedded' or 'trino'", name, type);
                return Optional.empty();
            }
        }
    }

    /** At most one of password-env, password-file, token-env and token-file. */
    private static Optional<TargetConfig.Credential> credential(Path root, String name, Fields fields, Problems problems)
    {
        ImmutableList<String> given = CREDENTIAL_KEYS.stream().filter(fields::has).collect(ImmutableList.toImmutableList());
        if (given.size() > 1) {
            for (String key : given.subList(1, given.size())) {
                problems.add(fields.keyLocation(key), "target '%s' has both '%s:' and '%s:'; give exactly one of password-env, password-file, token-env or token-file",
                        name, given.getFirst(), key);
            }
            return Optional.empty();
        }
        if (given.isEmpty()) {
            return Optional.empty();
        }
        String key = given.getFirst();
        TargetConfig.Credential.Kind kind = key.startsWith("password") ? TargetConfig.Credential.Kind.PASSWORD : TargetConfig.Credential.Kind.ACCESS_TOKEN;
        if (key.endsWith("-env")) {
            return variable(name, fields, key, problems).map(variable -> new TargetConfig.Credential.FromEnvironment(kind, variable));
        }
        return fields.string(key).map(file -> new TargetConfig.Credential.FromFile(kind, root.resolve(file).normalize()));
    }

    /** The name of an environment variable; the secret itself in vault.yml is what this catches. */
    private static Optional<String> variable(String name, Fields fields, String key, Problems problems)
    {
        Optional<String> variable = fields.string(key);
        if (variable.isPresent() && !VARIABLE.matcher(variable.get()).matches()) {
            // never quote the value: it may be the secret written where its variable's name belongs
            problems.add(fields.locationOf(key), "'%s' of target '%s' must name an environment variable (letters, digits and underscores), not hold the secret itself", key, name);
            return Optional.empty();
        }
        return variable;
    }

    private static TargetConfig.Tls tls(Path root, String name, Fields fields, String url, JdbcDriver driver, Problems problems)
    {
        Optional<Boolean> enabled = fields.has("ssl") ? Optional.of(fields.bool("ssl", false)) : Optional.empty();
        Optional<TargetConfig.Tls.Verification> verification = fields.has("ssl-verification")
                ? Optional.of(fields.enumValue("ssl-verification", TargetConfig.Tls.Verification.class, TargetConfig.Tls.Verification.FULL))
                : Optional.empty();
        Optional<Path> trustStore = fields.string("ssl-truststore-path").map(path -> root.resolve(path).normalize());
        Optional<String> trustStorePassword = variable(name, fields, "ssl-truststore-password-env", problems);
        Optional<String> trustStoreType = fields.string("ssl-truststore-type");
        if (trustStoreType.isPresent() && !STORE_TYPE.matcher(trustStoreType.get()).matches()) {
            problems.add(fields.locationOf("ssl-truststore-type"), "'ssl-truststore-type' of target '%s' must be a key store type such as JKS or PKCS12, found '%s'", name, trustStoreType.get());
        }
        boolean urlEnablesSsl = driver.urlEnablesTls(url);
        for (String key : TLS_KEYS) {
            if (fields.has(key) && !enabled.orElse(urlEnablesSsl)) {
                problems.add(fields.keyLocation(key), "'%s' of target '%s' needs TLS: add 'ssl: true'", key, name);
            }
        }
        if (verification.equals(Optional.of(TargetConfig.Tls.Verification.NONE))) {
            for (String key : ImmutableList.of("ssl-truststore-path", "ssl-truststore-password-env", "ssl-truststore-type")) {
                if (fields.has(key)) {
                    problems.add(fields.keyLocation(key), "target '%s' has 'ssl-verification: NONE', which uses no trust store; remove '%s:' or verify with FULL or CA", name, key);
                }
            }
        }
        if (trustStore.isEmpty()) {
            for (String key : ImmutableList.of("ssl-truststore-password-env", "ssl-truststore-type")) {
                if (fields.has(key)) {
                    problems.add(fields.keyLocation(key), "'%s' of target '%s' needs 'ssl-truststore-path:'", key, name);
                }
            }
        }
        return new TargetConfig.Tls(enabled, verification, trustStore, trustStorePassword, trustStoreType);
    }

    private static ImmutableMap<String, String> sessionProperties(String name, Fields fields, JdbcDriver driver, Problems problems)
    {
        Optional<Fields> properties = fields.node("session-properties").flatMap(node -> Fields.of(node, "'session-properties' of target '" + name + "'", problems));
        if (properties.isEmpty()) {
            return ImmutableMap.of();
        }
        ImmutableMap.Builder<String, String> values = ImmutableMap.builder();
        for (YamlNode.Entry entry : properties.get().mapping().entries().values()) {
            if (!SESSION_PROPERTY.matcher(entry.key()).matches()) {
                problems.add(entry.keyLocation(), "session property '%s' of target '%s' is not a valid name: use lower-case letters, digits and underscores, "
                        + "as 'name' or 'catalog.name' (e.g. query_max_run_time, iceberg.compression_codec)", entry.key(), name);
                continue;
            }
            Optional<String> value = properties.get().string(entry.key());
            if (value.isPresent() && driver.sessionPropertySeparators().stream().anyMatch(separator -> value.get().indexOf(separator) >= 0)) {
                problems.add(properties.get().locationOf(entry.key()), "session property '%s' of target '%s' cannot contain %s", entry.key(), name,
                        driver.sessionPropertySeparators().stream().map(separator -> "'" + separator + "'").collect(Collectors.joining(" or ")));
                continue;
            }
            value.ifPresent(text -> values.put(entry.key(), text));
        }
        return values.buildOrThrow();
    }

    private static TargetConfig.Namespace namespace(String name, Fields fields, Problems problems)
    {
        Optional<String> catalog = fields.string("catalog");
        catalog.ifPresent(value -> checkName(value, "catalog", fields.locationOf("catalog"), problems));
        return new TargetConfig.Namespace(catalog, schemaNames(fields, "'schemas' of target '" + name + "'", problems));
    }

    private static void checkName(String name, String what, Location location, Problems problems)
    {
        if (!name.isEmpty()) {
            Identifiers.check(name, what).ifPresent(message -> problems.add(location, message));
        }
    }
}
