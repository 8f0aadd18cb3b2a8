package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import static java.util.Objects.requireNonNull;

/** A compiled project: the schemas to create, then every model's statements in build order. */
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
