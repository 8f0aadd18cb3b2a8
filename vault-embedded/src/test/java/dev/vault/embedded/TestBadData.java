package dev.vault.embedded;

import dev.vault.runner.Reconciliation;
import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile rows in bronze: null and blank keys, 10,000-character values, control characters,
 * mixed Unicode forms and mojibake, SQL in values, invalid emails and phones. Every row is loaded
 * as it is or set aside with a reason, and the reconciliation accounts for all of them, under
 * both null-key rules.
 */
class TestBadData
{
    private static final String LONG = "x".repeat(10_000);
    private static final String CONTROL = "tab\there\u0001\u0007bell";
    private static final String SQL = "Robert'); DROP TABLE hub_person; --";

    @TempDir
    Path temp;

    @Test
    void zeroKeyRuleLoadsEveryRowAndCountsTheKeyless()
    {
        Path project = project(temp.resolve("zero"), "bad_zero", "zero-key");
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            assertThat(vault.seed().successful()).isTrue();
            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();
            // the two keyless rows share the zero key: one hub row, the "unknown" person, whose business key is null (unknown-member-key), not the blank one
            assertThat(column(vault, "SELECT coalesce(person_id, '<null>') FROM iceberg.bad_zero_silver.hub_person ORDER BY 1"))
                    .containsExactly("<null>", "P1", "P2", "P3", "P4", "P5", "P6");
            assertThat(column(vault, "SELECT hk_person FROM iceberg.bad_zero_silver.hub_person WHERE person_id IS NULL")).containsExactly("0".repeat(64));
            assertValuesKeptAsTheyAre(vault, "bad_zero");
            List<Reconciliation> reconciliation = vault.reconcile();
            assertThat(reconciliation).extracting(Reconciliation::model, Reconciliation::bronzeRows, Reconciliation::loadedRows, Reconciliation::rejectedRows)
                    .containsExactlyInAnyOrder(
                            Tuple.tuple("hub_person", 8L, 8L, 0L),
                            Tuple.tuple("sat_person", 8L, 6L, 2L));
            // a satellite row without its parent's key describes nothing: set aside, with the reason
            assertThat(column(vault, "SELECT model || ': ' || reason FROM iceberg.bad_zero_silver.vault_rejected_rows"))
                    .containsExactly(
                            "sat_person: the business key of parent hub_person is null or blank: a satellite row needs its parent's key",
                            "sat_person: the business key of parent hub_person is null or blank: a satellite row needs its parent's key");
        }
    }

    @Test
    void rejectRuleSetsKeylessRowsAsideWithTheReason()
    {
        Path project = project(temp.resolve("reject"), "bad_reject", "reject");
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            assertThat(vault.seed().successful()).isTrue();
            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();
            assertThat(run.model("hub_person").detail()).isEqualTo("inserted 6 rows, set aside 2 rows with a null key");
            assertThat(column(vault, "SELECT count(*) FROM iceberg.bad_reject_silver.hub_person WHERE hk_person = '%s'".formatted("0".repeat(64)))).containsExactly("0");
            assertThat(column(vault, "SELECT model || ' ' || stage || ' ' || reason FROM iceberg.bad_reject_silver.vault_rejected_rows ORDER BY 1"))
                    .containsExactly(
                            "hub_person stg_people business key person_id is null or blank (loading: null-keys: reject)",
                            "hub_person stg_people business key person_id is null or blank (loading: null-keys: reject)",
                            "sat_person stg_people the business key of parent hub_person is null or blank: a satellite row needs its parent's key",
                            "sat_person stg_people the business key of parent hub_person is null or blank: a satellite row needs its parent's key");
            // the row as it landed, to fix at the source
            assertThat(column(vault, "SELECT json_extract_scalar(row_data, '$.name') FROM iceberg.bad_reject_silver.vault_rejected_rows WHERE model = 'hub_person' ORDER BY 1"))
                    .containsExactly("Blank Key", "No Key");
            assertValuesKeptAsTheyAre(vault, "bad_reject");
            assertThat(vault.reconcile()).extracting(Reconciliation::model, Reconciliation::bronzeRows, Reconciliation::loadedRows, Reconciliation::rejectedRows)
                    .containsExactlyInAnyOrder(
                            Tuple.tuple("hub_person", 8L, 6L, 2L),
                            Tuple.tuple("sat_person", 8L, 6L, 2L));

            // a re-run sets nothing aside twice and writes no snapshot
            long snapshots = Long.parseLong(column(vault, "SELECT count(*) FROM iceberg.bad_reject_silver.\"vault_rejected_rows$snapshots\"").getFirst());
            RunResult again = vault.run();
            assertThat(again.rowsWritten()).isZero();
            assertThat(column(vault, "SELECT count(*) FROM iceberg.bad_reject_silver.\"vault_rejected_rows$snapshots\"")).containsExactly(String.valueOf(snapshots));
            assertThat(column(vault, "SELECT count(*) FROM iceberg.bad_reject_silver.vault_rejected_rows")).containsExactly("4");
        }
    }

    private static void assertValuesKeptAsTheyAre(Vault vault, String prefix)
    {
        String sat = "iceberg." + prefix + "_silver.sat_person";
        String hub = "iceberg." + prefix + "_silver.hub_person";
        assertThat(column(vault, "SELECT length(note) FROM %s s JOIN %s h ON h.hk_person = s.hk_person WHERE h.person_id = 'P1'".formatted(sat, hub))).containsExactly("10000");
        assertThat(column(vault, "SELECT note FROM %s s JOIN %s h ON h.hk_person = s.hk_person WHERE h.person_id = 'P2'".formatted(sat, hub))).containsExactly(CONTROL);
        assertThat(column(vault, "SELECT name FROM %s s JOIN %s h ON h.hk_person = s.hk_person WHERE h.person_id = 'P3'".formatted(sat, hub))).containsExactly(SQL);
        assertThat(column(vault, "SELECT name FROM %s s JOIN %s h ON h.hk_person = s.hk_person WHERE h.person_id IN ('P4', 'P5') ORDER BY h.person_id".formatted(sat, hub)))
                .containsExactly("São Paulo", "Sa\u0303o Paulo");
        assertThat(column(vault, "SELECT email || ' ' || phone FROM %s s JOIN %s h ON h.hk_person = s.hk_person WHERE h.person_id = 'P6'".formatted(sat, hub)))
                .containsExactly("not-an-email 12ab");
    }

    private static Path project(Path directory, String prefix, String nullKeys)
    {
        TestingProjects.write(directory.resolve("vault.yml"), """
                name: %s
                version: 1
                seed-paths: [seeds]
                schemas: { bronze: %s_bronze, staging: %s_silver, silver: %s_silver, gold: %s_gold }
                loading:
                  null-keys: %s
                """.formatted(prefix, prefix, prefix, prefix, prefix, nullKeys));
        TestingProjects.write(directory.resolve("models/people.yml"), """
                sources:
                  - name: raw_people
                    record-source: crm
                    load-timestamp: loaded_at
                    columns:
                      - { name: person_id, type: varchar }
                      - { name: name, type: varchar }
                      - { name: email, type: varchar }
                      - { name: phone, type: varchar }
                      - { name: note, type: varchar }
                      - { name: loaded_at, type: timestamp(6) with time zone }
                stages:
                  - name: stg_people
                    source: raw_people
                    hash-keys:
                      hk_person: [person_id]
                    hashdiffs:
                      hd_person: [name, email, phone, note]
                hubs:
                  - name: hub_person
                    hash-key: hk_person
                    business-keys: [person_id]
                    sources: [stg_people]
                satellites:
                  - name: sat_person
                    parent: hub_person
                    hashdiff: hd_person
                    sources: [stg_people]
                """);
        String at = "2026-11-01 00:00:00 UTC";
        List<List<String>> rows = List.of(
                List.of("P1", "Long Note", "p1@example.com", "11999990001", LONG, at),
                List.of("P2", "Control", "p2@example.com", "11999990002", CONTROL, at),
                List.of("P3", SQL, "p3@example.com", "11999990003", "", at),
                List.of("P4", "São Paulo", "p4@example.com", "", "NFC", at),
                List.of("P5", "Sa\u0303o Paulo", "p5@example.com", "", "NFD", at),
                List.of("P6", "Invalid", "not-an-email", "12ab", "", at),
                List.of("", "No Key", "nokey@example.com", "", "", at),
                List.of("   ", "Blank Key", "blank@example.com", "", "", at));
        StringBuilder csv = new StringBuilder("person_id,name,email,phone,note,loaded_at\n");
        for (List<String> row : rows) {
            csv.append(row.stream().map(TestBadData::csvField).collect(Collectors.joining(","))).append('\n');
        }
        TestingProjects.write(directory.resolve("seeds/raw_people.csv"), csv.toString());
        return directory;
    }

    private static String csvField(String value)
    {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static List<String> column(Vault vault, String sql)
    {
        return vault.query(sql).rows().stream().map(row -> String.valueOf(row.getFirst())).toList();
    }
}
