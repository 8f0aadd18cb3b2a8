package dev.vault.runner;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.model.Project;
import dev.vault.core.model.TableName;
import dev.vault.sql.ModelPlan;
import dev.vault.sql.Plan;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * This project against the manifest of an earlier run, dbt's {@code --state DIR}: which models
 * changed since ({@code state:modified}), and where the environment that manifest describes keeps
 * the tables of the models not built now ({@code --defer}).
 * <p>
 * A model counts as modified when the manifest does not list it, or lists it with another
 * definition checksum ({@link Artifacts#definitionSha256}): its compiled SQL with the target's
 * catalog and schemas and the YAML line numbers taken out, so a dev target's own schema or a model
 * moved down its file changes nothing. A manifest from before definition checksums marks every
 * model modified.
 */
public final class StateComparison
{
    private final Path folder;
    private final Map<String, Artifacts.ManifestModel> models;

    private StateComparison(Path folder, Map<String, Artifacts.ManifestModel> models)
    {
        this.folder = requireNonNull(folder, "folder is null");
        this.models = requireNonNull(models, "models is null");
    }

    /** Reads {@value Artifacts#MANIFEST} in the folder; a clear error when there is none. */
    public static StateComparison read(Path folder)
    {
        Artifacts.Manifest manifest = Artifacts.readManifest(folder).orElseThrow(() -> new VaultException(ErrorCode.INVALID_PROJECT,
                "--state %s: no %s there; give the folder of an earlier run's manifest (that run's target path, .vault/ by default, or a copy of it)"
                        .formatted(folder, Artifacts.MANIFEST)));
        Map<String, Artifacts.ManifestModel> models = new LinkedHashMap<>();
        for (Artifacts.ManifestModel model : manifest.models()) {
            models.put(model.name(), model);
        }
        return new StateComparison(folder, models);
    }

    public Path folder()
    {
        return folder;
    }

    /** The models whose definition differs from the manifest's, or which it does not list. */
    public ImmutableSet<String> modified(Project project, Plan plan)
    {
        ImmutableSet.Builder<String> modified = ImmutableSet.builder();
        for (ModelPlan model : plan.models().values()) {
            Artifacts.ManifestModel before = models.get(model.model().name());
            if (before == null || !Objects.equals(before.definitionSha256(), Artifacts.definitionSha256(project, model))) {
                modified.add(model.model().name());
            }
        }
        return modified.build();
    }

    /**
     * The tables the manifest's environment has for the models outside the selection that it
     * lists: what a selected model reads instead of the target's own, with {@code --defer}.
     */
    public ImmutableMap<String, TableName> deferred(Project project, Collection<String> selection)
    {
        ImmutableMap.Builder<String, TableName> deferred = ImmutableMap.builder();
        for (String name : project.models().keySet()) {
            Artifacts.ManifestModel model = models.get(name);
            if (selection.contains(name) || model == null || model.table() == null) {
                continue;
            }
            List<String> parts = List.of(model.table().split("\\."));
            if (parts.size() != 3) {
                throw new VaultException(ErrorCode.INVALID_PROJECT, "--state %s: the manifest names table '%s' for model %s, not catalog.schema.table; run the environment again to renew it"
                        .formatted(folder, model.table(), name));
            }
            deferred.put(name, new TableName(parts.get(0), parts.get(1), parts.get(2)));
        }
        return deferred.buildOrThrow();
    }
}
