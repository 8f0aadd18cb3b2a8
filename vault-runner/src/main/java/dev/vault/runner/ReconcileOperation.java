package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.ReconciliationQuery;

import java.sql.SQLException;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Accounts for every bronze row in every hub, link and satellite: loaded, or set aside with a reason. */
final class ReconcileOperation
{
    private final VaultContext context;

    ReconcileOperation(VaultContext context)
    {
        this.context = requireNonNull(context, "context is null");
    }

    ImmutableList<Reconciliation> execute()
    {
        SqlExecutor executor = context.executor();
        ImmutableList.Builder<Reconciliation> results = ImmutableList.builder();
        for (ReconciliationQuery query : context.compiler().reconciliations()) {
            try {
                List<Object> row = executor.query(query.sql()).rows().getFirst();
                results.add(new Reconciliation(query.model(), query.stage(), ((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue(), ((Number) row.get(2)).longValue()));
            }
            catch (SQLException e) {
                throw new VaultException(ErrorCode.MODEL_FAILED, "cannot reconcile %s with stage %s (run the project first): %s".formatted(query.model(), query.stage(), e.getMessage()), e);
            }
        }
        return results.build();
    }
}
