package dev.vault.sql;

import dev.vault.core.load.ProjectLoader;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Project;
import dev.vault.sql.dialect.TrinoDialect;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestPlanScript
{
    private static final Project EXAMPLE = ProjectLoader.load(Path.of(".."), TrinoDialect.INSTANCE);

    @Test
    void identityHubPlanIsGuardedFirstResolvesAfterItsTablesAndRecordsTheFingerprintOfTheStateWritten()
    {
        ModelPlan plan = new TrinoCompiler(EXAMPLE).compile().model("hub_pessoa");
        IdentityResolutionSql sql = new TrinoCompiler(EXAMPLE).identityResolution(EXAMPLE.model("hub_pessoa", Hub.class));

        assertThat(plan.steps()).extracting(step -> step.getClass().getSimpleName()).containsExactly(
                "SkipWhenUnchanged", "Execute", "Execute", "Execute", "Execute", "Execute", "Execute", "ResolveIdentities", "RecordFingerprint");
        assertThat(plan.guard().orElseThrow().inputTables()).isEqualTo(sql.inputs());
        assertThat(plan.guard().orElseThrow().definition()).isEqualTo(sql.definition());
        // the batch reads only the rows the stages' sources gained since the last build, when only appends reached them
        assertThat(plan.guard().orElseThrow().incremental()).extracting(source -> source.view().table())
                .containsExactlyInAnyOrderElementsOf(EXAMPLE.model("hub_pessoa", Hub.class).sources());
        assertThat(plan.guard().orElseThrow().incrementalWatch()).isEmpty();
        IdentityRounds rounds = ((Step.ResolveIdentities) plan.steps().get(7)).rounds();
        assertThat(rounds.maxRounds()).isEqualTo(IdentityRounds.MAX_ROUNDS);
        // step s reads parents table s % 2: the forms of steps 2 and 3 are those of steps 0 and 1
        assertThat(IdentityRounds.at(rounds.shortcut(), 2)).isEqualTo(sql.labelsShortcut(2)).isEqualTo(sql.labelsShortcut(0));
        assertThat(IdentityRounds.at(rounds.hook(), 3)).isEqualTo(sql.labelsHook(3));
        assertThat(IdentityRounds.at(rounds.changed(), 5)).isEqualTo(sql.labelsChanged(5));
        assertThat(IdentityRounds.at(rounds.resolution(), 4)).isEqualTo(sql.workResolution(4));
        Step.RecordFingerprint record = (Step.RecordFingerprint) plan.steps().getLast();
        assertThat(record.recompute()).isTrue();
        assertThat(record.statement().sql()).contains("; vault fingerprint " + Guard.FINGERPRINT_SLOT + "'");
    }

    @Test
    void scriptHoldsEveryStatementARunExecutesInOrder()
    {
        Plan plan = new TrinoCompiler(EXAMPLE).compile();
        ModelPlan hub = plan.model("hub_pessoa");
        String script = PlanScript.of(hub);

        IdentityRounds rounds = ((Step.ResolveIdentities) hub.steps().get(7)).rounds();
        assertThat(script).containsSubsequence(
                "-- vault guard:",
                hub.statements().getFirst().sql().strip(),
                hub.statements().getLast().sql().strip(),
                rounds.batchKeys().strip(),
                rounds.batchRecords().strip(),
                rounds.keysInsert().strip(),
                rounds.junkInsert().strip(),
                rounds.workRecords().strip(),
                rounds.workKeys().strip(),
                rounds.labelsInit().strip(),
                rounds.shortcut().get(0).strip(),
                rounds.hook().get(1).strip(),
                rounds.hubInsert().strip(),
                rounds.drops().getLast().strip(),
                "COMMENT ON TABLE");
        assertThat(script).endsWith(";\n");

        String mart = PlanScript.of(plan.model("mart_leads_unificados"));
        assertThat(mart)
                .startsWith("-- vault guard: the run computes a fingerprint")
                .contains("--   iceberg.silver.hub_pessoa_records\n")
                .contains("; vault fingerprint ${fingerprint}'")
                .contains(plan.model("mart_leads_unificados").statements().getFirst().sql().strip());
        assertThat(PlanScript.of(plan.model("crm_activecampaign_contacts"))).isEmpty();
    }
}
