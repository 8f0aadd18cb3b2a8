package dev.vault.core.model;

import com.google.common.collect.ImmutableSet;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.load.Suggestions;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * dbt's node selection for vault models: {@code name}, {@code name+} (the model and every model
 * that reads it, directly or not), {@code +name} (the model and everything it reads),
 * {@code +name+} (both), {@code tag:daily} (models tagged so) and {@code state:modified} (models whose
 * definition changed since a manifest, with + and + as for a name). Several selectors are a union;
 * {@code --exclude} takes its selection away.
 */
public final class ModelSelector
{
    /** The selector of the models changed since a state's manifest (dbt's {@code state:modified}). */
    public static final String STATE_MODIFIED = "state:modified";

    private final Project project;
    private final Optional<Set<String>> modified;

    public ModelSelector(Project project)
    {
        this(project, Optional.empty());
    }

    /** A selector that knows which models changed since a state ({@code --state DIR}), for {@value #STATE_MODIFIED}. */
    public ModelSelector(Project project, Optional<Set<String>> modified)
    {
        this.project = requireNonNull(project, "project is null");
        this.modified = requireNonNull(modified, "modified is null").map(ImmutableSet::copyOf);
    }

    /** The selected models, or every model when {@code select} is empty. */
    public ImmutableSet<String> select(List<String> select, List<String> exclude)
    {
        Set<String> selected = new LinkedHashSet<>();
        if (select.isEmpty()) {
            selected.addAll(project.models().keySet());
        }
        for (String selector : select) {
            selected.addAll(matches(selector));
        }
        for (String selector : exclude) {
            selected.removeAll(matches(selector));
        }
        // in build order, so callers can run the set as it comes
        return project.graph().topologicalOrder().stream().filter(selected::contains).collect(ImmutableSet.toImmutableSet());
    }

    private Set<String> matches(String selector)
    {
        String text = selector.strip();
        if (text.startsWith("tag:")) {
            String tag = text.substring("tag:".length());
            Set<String> tagged = new LinkedHashSet<>(project.tags().inverse().get(tag));
            if (tagged.isEmpty()) {
                throw new VaultException(ErrorCode.INVALID_PROJECT, "no model has the tag '%s' (selector '%s')%s"
                        .formatted(tag, selector, Suggestions.hint(tag, project.tags().values())));
            }
            return tagged;
        }
        boolean ancestors = text.startsWith("+");
        boolean descendants = text.endsWith("+") && text.length() > 1;
        String name = text.substring(ancestors ? 1 : 0, text.length() - (descendants ? 1 : 0));
        if (name.equals(STATE_MODIFIED)) {
            Set<String> changed = modified.orElseThrow(() -> new VaultException(ErrorCode.INVALID_PROJECT,
                    "selector '%s' needs --state DIR: the folder of a manifest.json from an earlier run (e.g. prod's target/ or .vault/), to compare this project with"
                            .formatted(selector)));
            Set<String> matched = new LinkedHashSet<>(changed);
            for (String model : changed) {
                if (ancestors) {
                    matched.addAll(project.graph().ancestors(model));
                }
                if (descendants) {
                    matched.addAll(project.graph().descendants(model));
                }
            }
            return matched;
        }
        if (!project.models().containsKey(name)) {
            throw new VaultException(ErrorCode.INVALID_PROJECT, "selector '%s' names no model (write name, name+, +name, tag:TAG or state:modified+)%s"
                    .formatted(selector, Suggestions.hint(name, project.models().keySet())));
        }
        Set<String> matched = new LinkedHashSet<>();
        matched.add(name);
        if (ancestors) {
            matched.addAll(project.graph().ancestors(name));
        }
        if (descendants) {
            matched.addAll(project.graph().descendants(name));
        }
        return matched;
    }
}
