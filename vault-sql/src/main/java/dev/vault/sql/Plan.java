package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import static java.util.Objects.requireNonNull;

/**
 * A compiled project: the schemas (and the rejected-rows table) to create, then every model's plan
 * in build order. Which tables exist, sources among them, a run reads once at its start from the
 * targets and guards of these plans (vault-runner's RunMetadata).
 */
public record Plan(ImmutableList<Statement> schemas, ImmutableMap<String, ModelPlan> models)
{
    public Plan
    {
        requireNonNull(schemas, "schemas is null");
        requireNonNull(models, "models is null");
    }

    public ModelPlan model(String name)
    {
        ModelPlan plan = models.get(name);
        if (plan == null) {
            throw new IllegalArgumentException("no model in plan: " + name);
        }
        return plan;
    }
}
