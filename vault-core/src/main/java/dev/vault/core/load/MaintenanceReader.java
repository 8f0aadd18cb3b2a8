package dev.vault.core.load;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.maintenance.DataSize;
import dev.vault.core.maintenance.Durations;
import dev.vault.core.maintenance.MaintenancePolicy;
import dev.vault.core.maintenance.MaintenancePolicy.ExpireSnapshots;
import dev.vault.core.maintenance.MaintenancePolicy.Optimize;
import dev.vault.core.maintenance.MaintenancePolicy.RemoveOrphanFiles;
import dev.vault.core.maintenance.MaintenanceSettings;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Link;
import dev.vault.core.model.Mart;
import dev.vault.core.model.Model;
import dev.vault.core.model.Satellite;
import dev.vault.core.model.Source;
import dev.vault.core.yaml.YamlNode;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a {@code maintenance:} block, of vault.yml or of a model, over a base policy: every key
 * left out keeps the base's value, so a model states only how it differs from the project. A
 * step is {@code false} (not run), {@code true} (run with the base's settings, or Trino's
 * defaults) or a mapping of its settings.
 */
final class MaintenanceReader
{
    static final ImmutableSet<String> POLICY_KEYS = ImmutableSet.of("optimize", "optimize-manifests", "expire-snapshots", "remove-orphan-files", "analyze");
    private static final ImmutableSet<String> OPTIMIZE_KEYS = ImmutableSet.of("file-size-threshold");
    private static final ImmutableSet<String> EXPIRE_KEYS = ImmutableSet.of("older-than", "keep-last");
    private static final ImmutableSet<String> ORPHAN_KEYS = ImmutableSet.of("older-than");

    private MaintenanceReader() {}

    /** Reads the policy keys of {@code fields}; the caller rejects unknown keys, knowing its extra ones. */
    static MaintenancePolicy policy(Fields fields, MaintenancePolicy base, Problems problems)
    {
        Optional<Optimize> optimize = step(fields, "optimize", base.optimize(), MaintenancePolicy.DEFAULT.optimize().orElseThrow(), problems, (settings, current) -> {
            settings.rejectUnknownKeys(OPTIMIZE_KEYS);
            return new Optimize(size(settings, "file-size-threshold", current.fileSizeThreshold(), problems));
        });
        Optional<ExpireSnapshots> expire = step(fields, "expire-snapshots", base.expireSnapshots(), MaintenancePolicy.DEFAULT.expireSnapshots().orElseThrow(), problems, (settings, current) -> {
            settings.rejectUnknownKeys(EXPIRE_KEYS);
            Duration olderThan = duration(settings, "older-than", current.olderThan(), problems);
            OptionalInt keepLast = settings.has("keep-last")
                    ? OptionalInt.of(settings.integer("keep-last", 1, 1, 1_000_000))
                    : current.keepLast();
            return new ExpireSnapshots(olderThan, keepLast);
        });
        Optional<RemoveOrphanFiles> orphans = step(fields, "remove-orphan-files", base.removeOrphanFiles(), MaintenancePolicy.DEFAULT.removeOrphanFiles().orElseThrow(), problems, (settings, current) -> {
            settings.rejectUnknownKeys(ORPHAN_KEYS);
            return new RemoveOrphanFiles(duration(settings, "older-than", current.olderThan(), problems));
        });
        return new MaintenancePolicy(
                optimize,
                fields.bool("optimize-manifests", base.optimizeManifests()),
                expire,
                orphans,
                fields.bool("analyze", base.analyze()));
    }

    /**
     * The policy of every model with tables vault maintains: hubs, links, satellites and table
     * marts unless their block says {@code enabled: false}; sources when vault.yml says
     * {@code sources: true} or their own block is there.
     */
    static ImmutableMap<String, MaintenancePolicy> models(Map<String, Model> models, Map<String, YamlNode> blocks, MaintenanceSettings settings, Problems problems)
    {
        ImmutableMap.Builder<String, MaintenancePolicy> policies = ImmutableMap.builder();
        for (Model model : models.values()) {
            boolean hasTable = switch (model) {
                case Source ignored -> true;
                case Hub ignored -> true;
                case Link ignored -> true;
                case Satellite ignored -> true;
                case Mart mart -> mart.materialized() == Mart.Materialization.TABLE;
                default -> false;
            };
            Optional<YamlNode> block = Optional.ofNullable(blocks.get(model.name()));
            if (!hasTable) {
                if (block.isPresent() && model instanceof Mart) {
                    problems.add(block.get().location(), "%s '%s' is a view: it has no table to maintain; remove 'maintenance:' or make it 'materialized: table'",
                            model.kind().displayName(), model.name());
                }
                continue;
            }
            boolean enabled = !(model instanceof Source) || settings.sources() || block.isPresent();
            MaintenancePolicy policy = settings.defaults();
            if (block.isPresent()) {
                Optional<Fields> fields = Fields.of(block.get(), "'maintenance' of %s '%s'".formatted(model.kind().displayName(), model.name()), problems);
                if (fields.isPresent()) {
                    fields.get().rejectUnknownKeys(ImmutableSet.<String>builder().addAll(POLICY_KEYS).add("enabled").build());
                    enabled = fields.get().bool("enabled", true);
                    policy = policy(fields.get(), settings.defaults(), problems);
                }
            }
            if (enabled && !policy.isEmpty()) {
                policies.put(model.name(), policy);
            }
        }
        return policies.buildKeepingLast();
    }

    private interface StepReader<T>
    {
        T read(Fields settings, T current);
    }

    private static <T> Optional<T> step(Fields fields, String key, Optional<T> base, T trinoDefault, Problems problems, StepReader<T> reader)
    {
        Optional<YamlNode> node = fields.node(key);
        if (node.isEmpty()) {
            return base;
        }
        if (node.get() instanceof YamlNode.Scalar) {
            return fields.bool(key, base.isPresent()) ? Optional.of(base.orElse(trinoDefault)) : Optional.empty();
        }
        return Fields.of(node.get(), "'" + key + "' of " + fields.what(), problems)
                .map(settings -> reader.read(settings, base.orElse(trinoDefault)));
    }

    private static DataSize size(Fields fields, String key, DataSize defaultValue, Problems problems)
    {
        Optional<String> text = fields.string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        Optional<DataSize> size = DataSize.parse(text.get());
        if (size.isEmpty()) {
            problems.add(fields.locationOf(key), "'%s' of %s must be a whole number and a unit (B, kB, MB, GB, TB) with no space, e.g. 128MB; found '%s'", key, fields.what(), text.get());
            return defaultValue;
        }
        return size.get();
    }

    private static Duration duration(Fields fields, String key, Duration defaultValue, Problems problems)
    {
        Optional<String> text = fields.string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        Optional<Duration> duration = Durations.parse(text.get());
        if (duration.isEmpty()) {
            problems.add(fields.locationOf(key), "'%s' of %s must be a whole number and a unit (ms, s, m, h, d) with no space, e.g. 7d; found '%s'", key, fields.what(), text.get());
            return defaultValue;
        }
        return duration.get();
    }
}
