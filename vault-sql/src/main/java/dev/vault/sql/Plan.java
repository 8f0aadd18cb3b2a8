package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import static java.util.Objects.requireNonNull;

/**
 * A compiled project: the schemas to create, then every model's plan in build order, and the
 * queries that list the tables of each source schema (a run checks its sources exist first).
 */
public record Plan(ImmutableList<Statement> schemas, ImmutableMap<String, ModelPlan> models, ImmutableMap<String, String> sourceTables)
{
    public Plan
    {
        requireNonNull(schemas, "schemas is null");
        requireNonNull(models, "models is null");
        requireNonNull(sourceTables, "sourceTables is null");
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
