package dev.vault.core.model;

import com.google.common.collect.ImmutableSet;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.load.Suggestions;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * dbt's node selection for vault models: {@code name}, {@code name+} (the model and every model
 * that reads it, directly or not), {@code +name} (the model and everything it reads),
 * {@code +name+} (both) and {@code tag:daily} (models tagged so). Several selectors are a union;
 * {@code --exclude} takes its selection away.
 */
public final class ModelSelector
{
    private final Project project;

    public ModelSelector(Project project)
    {
        this.project = requireNonNull(project, "project is null");
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
        if (!project.models().containsKey(name)) {
            throw new VaultException(ErrorCode.INVALID_PROJECT, "selector '%s' names no model (write name, name+, +name or tag:TAG)%s"
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
