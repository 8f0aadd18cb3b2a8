package dev.vault.sql.kind;

import dev.vault.core.model.Model;
import dev.vault.core.model.TableName;

/**
 * Compiles one kind of model into its plan steps. There is one implementation per entity kind,
 * each with its own templates; {@link dev.vault.sql.TrinoCompiler} only chooses which.
 */
public interface ModelCompiler<M extends Model>
{
    CompiledModel compile(M model, TableName target);
}
