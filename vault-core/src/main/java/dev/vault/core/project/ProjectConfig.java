package dev.vault.core.project;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.core.load.Suggestions;
import dev.vault.core.maintenance.MaintenanceSettings;
import dev.vault.core.model.Layer;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The project file, {@code vault.yml}, at the root of a models project. Paths are absolute,
 * resolved against the project root.
 */
public record ProjectConfig(
        String name,
        Path root,
        ImmutableList<Path> modelPaths,
        ImmutableList<Path> seedPaths,
        Path targetPath,
        String catalog,
        ImmutableMap<Layer, String> schemas,
        String defaultTarget,
        ImmutableMap<String, TargetConfig> targets,
        HashingSettings hashing,
        LoadingSettings loading,
        IdentitySettings identity,
        MaintenanceSettings maintenance)
{
    public static final String FILE_NAME = "vault.yml";

    public ProjectConfig
    {
        requireNonNull(name, "name is null");
        requireNonNull(root, "root is null");
        requireNonNull(modelPaths, "modelPaths is null");
        requireNonNull(seedPaths, "seedPaths is null");
        requireNonNull(targetPath, "targetPath is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(schemas, "schemas is null");
        requireNonNull(defaultTarget, "defaultTarget is null");
        requireNonNull(targets, "targets is null");
        requireNonNull(hashing, "hashing is null");
        requireNonNull(loading, "loading is null");
        requireNonNull(identity, "identity is null");
        requireNonNull(maintenance, "maintenance is null");
        checkArgument(schemas.keySet().containsAll(EnumSet.allOf(Layer.class)), "a schema is needed for every layer");
        checkArgument(targets.containsKey(defaultTarget), "default target is not defined");
    }

    public String schema(Layer layer)
    {
        return schemas.get(layer);
    }

    public TargetConfig target(String targetName)
    {
        TargetConfig target = targets.get(targetName);
        if (target == null) {
            throw new VaultException(ErrorCode.INVALID_PROJECT, "no target '%s' in %s%s"
                    .formatted(targetName, root.resolve(FILE_NAME), Suggestions.hint(targetName, targets.keySet())));
        }
        return target;
    }

    /**
     * This configuration as a target sees it: the target's catalog and schemas, where it names
     * its own, replace the project's.
     */
    public ProjectConfig forTarget(TargetConfig target)
    {
        TargetConfig.Namespace namespace = target.namespace();
        if (namespace.equals(TargetConfig.Namespace.PROJECT)) {
            return this;
        }
        Map<Layer, String> merged = new EnumMap<>(schemas);
        merged.putAll(namespace.schemas());
        return new ProjectConfig(name, root, modelPaths, seedPaths, targetPath, namespace.catalog().orElse(catalog), ImmutableMap.copyOf(merged),
                defaultTarget, targets, hashing, loading, identity, maintenance);
    }

    /** Folder for compiled SQL, logs and run results. */
    public Path compiledPath()
    {
        return targetPath.resolve("compiled");
    }
}
