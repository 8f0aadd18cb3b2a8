package dev.vault.sql.kind;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Stage;
import dev.vault.core.model.TableName;
import dev.vault.sql.Guard;
import dev.vault.sql.IdentityResolutionSql;
import dev.vault.sql.IdentityRounds;
import dev.vault.sql.Statement;
import dev.vault.sql.Step;

import static java.util.Objects.requireNonNull;

/**
 * An identity hub: its table and the identity tables (records map, same-as link, junk keys,
 * resolved view), then, when the bronze inputs or the identity tables changed, the rounds that
 * resolve persons ({@link IdentityResolutionSql}), and last the fingerprint of the state written.
 */
public final class IdentityHubCompiler
        implements ModelCompiler<Hub>
{
    private final CompileContext context;

    public IdentityHubCompiler(CompileContext context)
    {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public CompiledModel compile(Hub hub, TableName target)
    {
        TableSql table = HubCompiler.table(context, hub, target);
        IdentityResolutionSql sql = context.identityResolution(hub);
        // the batch statements read only the rows the stages' sources gained since the last build, when only appends reached them
        Guard guard = Guard.of(sql.definition(), sql.inputs(), target).withIncremental(
                hub.sources().stream().map(stage -> new StageCompiler(context).incremental(context.project().model(stage, Stage.class)))
                        .collect(ImmutableList.toImmutableList()),
                ImmutableList.of());
        String comment = "Persons resolved by vault from " + String.join(", ", hub.sources()) + Guard.FINGERPRINT_MARK + Guard.FINGERPRINT_SLOT;
        ImmutableList.Builder<Step> steps = ImmutableList.builder();
        // the guard first: a run with nothing new sends none of the CREATE ... IF NOT EXISTS below (a
        // table that is missing has no snapshot, which no recorded fingerprint holds)
        steps.add(new Step.SkipWhenUnchanged(guard));
        steps.add(new Step.Execute(new Statement(hub.name(), Statement.Kind.CREATE_TABLE, target, table.sql())));
        sql.setup().forEach(statement -> steps.add(new Step.Execute(statement)));
        steps.add(new Step.ResolveIdentities(IdentityRounds.of(sql)));
        // the guard's inputs include the identity tables just written: the next run with no new data skips all of this
        steps.add(new Step.RecordFingerprint(new Statement(hub.name(), Statement.Kind.COMMENT, target, sql.comment(comment)), guard, true));
        return CompiledModel.of(steps.build(), table.definition());
    }
}
