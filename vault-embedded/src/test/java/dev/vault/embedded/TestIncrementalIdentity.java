package dev.vault.embedded;

import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static dev.vault.embedded.TestLeadsVault.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An identity hub resolves only the persons a batch touches: the records the batch brings, the
 * records sharing a key value or a comparison block with them, and every record of their
 * persons. The same batches resolved with every record each time (the watermark removed before
 * each run, so the hub reads in full) leave the hub, its record map, its same-as link, its junk
 * keys and its kept keys row for row the same; and the persons are the expected ones: a typo
 * joined by the comparison, a merge of two persons, a late row, a value that turns junk after it
 * joined two records (which stay one person), and a batch whose records touch one person at two
 * records that only an untouched record of that person joins. The hub's satellite reads by
 * snapshots too, except after a merge, or when the hub mapped a record from rows older than the
 * satellite's last build.
 */
class TestIncrementalIdentity
{
    private static final String MODELS = """
            sources:
              - name: people
                record-source: crm
                load-timestamp: loaded_at
                columns:
                  - { name: id, type: varchar }
                  - { name: full_name, type: varchar }
                  - { name: email, type: varchar }
                  - { name: born, type: varchar }
                  - { name: loaded_at, type: timestamp(6) with time zone }
            stages:
              - name: stg_people
                source: people
                identity:
                  record-key: [id]
                  name: full_name
                  email: email
                  parts:
                    birth_date: {column: born, kind: date}
                hashdiffs:
                  hd_person_contact: [email, born]
            hubs:
              - name: hub_person
                hash-key: hk_person
                identity: true
                sources: [stg_people]
            satellites:
              - name: sat_person_contact
                parent: hub_person
                hashdiff: hd_person_contact
                payload: [email, born]
                sources: [stg_people]
            """;

    private static final List<String> BATCHES = List.of(
            // a typo of r1's name, born the same day (the comparison joins it); r2's email; a new person; a test email
            "('r4', 'Ana Silvz', NULL, '01/01/1990', TIMESTAMP '2026-11-02 00:00:00 UTC'), "
                    + "('r5', 'Beatriz Lima', 'bia@x.com', NULL, TIMESTAMP '2026-11-02 00:00:00 UTC'), "
                    + "('r6', 'Davi Rocha', 'davi@x.com', '2000-02-02', TIMESTAMP '2026-11-02 00:00:00 UTC'), "
                    + "('r9', 'Fabio', 'teste@teste.com', NULL, TIMESTAMP '2026-11-02 00:00:00 UTC'), "
                    // r17 joins J's r13 (email) to K; r18 joins J's r14 (name and birth date) to L. Only r19, which this batch
                    // does not touch, joins r13 to r14: resolving the touched records alone would merge J into K and into L
                    + "('r17', 'Kaio Mar', 'joao@x.com', '1950-05-05', TIMESTAMP '2026-11-02 00:00:00 UTC'), "
                    + "('r18', 'Joana Reis', 'lia@x.com', '1961-01-01', TIMESTAMP '2026-11-02 00:00:00 UTC')",
            // r7 has r1's email and r3's name and birth date: r3's person merges into r1's; a late row; the test email again
            "('r7', 'Caio Reis', 'ana@x.com', '1970-07-07', TIMESTAMP '2026-11-03 00:00:00 UTC'), "
                    + "('r8', 'Eva Luz', 'eva@x.com', '1999-09-09', TIMESTAMP '2026-10-01 00:00:00 UTC'), "
                    + "('r10', 'Gil', 'teste@teste.com', NULL, TIMESTAMP '2026-11-03 00:00:00 UTC')",
            // two more records with the test email: four records, more than max-records-per-key, so it is junk now
            "('r11', 'Hugo', 'teste@teste.com', NULL, TIMESTAMP '2026-11-04 00:00:00 UTC'), "
                    + "('r12', 'Iris', 'teste@teste.com', NULL, TIMESTAMP '2026-11-04 00:00:00 UTC')");

    @TempDir
    Path temp;

    @Test
    void aBatchResolvesOnlyThePersonsItTouchesAndLeavesWhatAFullResolutionWould()
    {
        Map<String, List<String>> incremental = build("a", false);
        Map<String, List<String>> full = build("b", true);

        assertThat(incremental.keySet()).containsExactlyElementsOf(full.keySet());
        incremental.forEach((table, rows) -> assertThat(rows).as(table).containsExactlyElementsOf(full.get(table)));
    }

    /** Seeds three records, runs, then appends each batch and runs; returns every identity table's rows and checks the persons. */
    private Map<String, List<String>> build(String suffix, boolean full)
    {
        Path project = temp.resolve(suffix);
        String silver = "silver_incid_" + suffix;
        TestingProjects.write(project.resolve("vault.yml"), """
                name: incid_%1$s
                seed-paths: [seeds]
                schemas: { bronze: bronze_incid_%1$s, staging: %2$s, silver: %2$s, gold: gold_incid_%1$s }
                identity:
                  default-country: BR
                  keys:
                    email: [email]
                    name_dob: [name, birth_date]
                  comparisons:
                    name_typo:
                      block-on: [birth_date]
                      max-block-size: 10
                      max-edits: {name: 2}
                  max-records-per-key: 3
                """.formatted(suffix, silver));
        TestingProjects.write(project.resolve("models/vault.yml"), MODELS);
        TestingProjects.write(project.resolve("seeds/people.csv"), """
                id,full_name,email,born,loaded_at
                r1,Ana Silva,ana@x.com,1990-01-01,2026-11-01 00:00:00 UTC
                r2,Bia Lima,bia@x.com,1985-05-05,2026-11-01 00:00:00 UTC
                r3,Caio Reis,caio@x.com,1970-07-07,2026-11-01 00:00:00 UTC
                r13,Joao Paz,joao@x.com,1960-06-06,2026-11-01 00:00:00 UTC
                r19,Joao Paz,jp2@x.com,1960-06-06,2026-11-01 00:00:00 UTC
                r14,Joana Reis,jp2@x.com,1961-01-01,2026-11-01 00:00:00 UTC
                r15,Kaio Mar,kaio@x.com,1950-05-05,2026-10-01 00:00:00 UTC
                r16,Lia Sol,lia@x.com,1955-05-05,2026-10-02 00:00:00 UTC
                """);
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            assertThat(vault.seed().successful()).isTrue();
            assertThat(vault.run().failures()).isEmpty();
            List<RunResult> runs = new ArrayList<>();
            for (String batch : BATCHES) {
                execute("INSERT INTO iceberg.bronze_incid_%s.people VALUES %s".formatted(suffix, batch));
                if (full) {
                    forgetWatermarks(vault, silver);
                }
                RunResult run = vault.run();
                assertThat(run.failures()).isEmpty();
                runs.add(run);
            }
            // r20 arrives while only the satellite runs (as when rows land between the hub's read and the satellite's):
            // it has no person yet, and the satellite's watermark passes it
            execute("INSERT INTO iceberg.bronze_incid_%s.people VALUES ('r20', 'Nina Paz', 'nina@x.com', '1980-08-08', TIMESTAMP '2026-11-05 00:00:00 UTC')".formatted(suffix));
            assertThat(vault.run(List.of("sat_person_contact")).failures()).isEmpty();
            if (full) {
                forgetWatermarks(vault, silver);
            }
            RunResult late = vault.run();
            assertThat(late.failures()).isEmpty();
            if (!full) {
                // the hub maps r20 from a row older than the satellite's watermark: the satellite reads in full and loads it
                assertThat(late.model("sat_person_contact").detail()).contains("inserted 1 row")
                        .contains("read in full: 1 record of %s.hub_person_records got a person from rows older than the last build".formatted(silver));
                // a batch that merges persons moves old records: the satellite reads in full; one that merges none is read by snapshots
                assertThat(runs.get(1).model("sat_person_contact").detail()).contains("read in full: %s.sal_person changed since the last build".formatted(silver));
                assertThat(runs.getLast().model("sat_person_contact").detail()).contains("inserted 2 rows").contains("read incrementally: 1 new snapshot");
            }
            assertThat(rows(vault, "SELECT s.email FROM iceberg.%1$s.sat_person_contact s JOIN iceberg.%1$s.stg_people stg USING (identity_record) WHERE stg.id = 'r20'"
                    .formatted(silver))).containsExactly("nina@x.com");
            String last = runs.getLast().model("hub_person").detail();
            if (full) {
                assertThat(last).contains("read in full: no watermark from the last build").contains("resolved 19 records in scope");
            }
            else {
                // the last batch touches its two records only: the junk email joins nothing, and neither has another key
                assertThat(last).contains("inserted 2 persons").contains("1 junk key").contains("resolved 2 records in scope")
                        .contains("read incrementally: 1 new snapshot of bronze_incid_a.people");
                // the batch before: r7 and r8, and the records of the persons r7 touches (r1, r4 by email; r3 by name and birth date), and r9's partner r10
                assertThat(runs.get(1).model("hub_person").detail()).contains("1 merge").contains("resolved 7 records in scope");
            }

            // the persons, as sets of record ids
            Map<String, TreeSet<String>> persons = new TreeMap<>();
            for (String row : rows(vault, "SELECT stg.id, resolved.hk_person FROM iceberg.%1$s.stg_people stg JOIN iceberg.%1$s.hub_person_resolved resolved USING (identity_record)"
                    .formatted(silver))) {
                String[] parts = row.split(" ");
                persons.computeIfAbsent(parts[1], ignored -> new TreeSet<>()).add(parts[0]);
            }
            assertThat(persons.values()).extracting(TreeSet::toString).containsExactlyInAnyOrder(
                    "[r1, r3, r4, r7]", "[r2, r5]", "[r6]", "[r8]", "[r10, r9]", "[r11]", "[r12]", "[r13, r14, r15, r16, r17, r18, r19]", "[r20]");

            Map<String, List<String>> tables = new TreeMap<>();
            for (String table : List.of("hub_person", "hub_person_records", "sal_person", "hub_person_junk_keys", "hub_person_keys", "hub_person_compared_parts",
                    "sat_person_contact")) {
                tables.put(table, rows(vault, "SELECT * FROM iceberg.%s.%s".formatted(silver, table)).stream().sorted().toList());
            }
            // J and L merged into K, the oldest; r3's person into r1's
            assertThat(tables.get("sal_person")).hasSize(3);
            assertThat(tables.get("hub_person_junk_keys")).singleElement().asString().startsWith("email ").contains(" teste@teste.com 4 ");
            return tables;
        }
    }

    /** No watermark: the next run reads every row, as after a lost comment. */
    private static void forgetWatermarks(Vault vault, String silver)
    {
        for (String table : List.of("hub_person", "sat_person_contact")) {
            String comment = rows(vault, "SELECT comment FROM system.metadata.table_comments WHERE catalog_name = 'iceberg' AND schema_name = '%s' AND table_name = '%s'"
                    .formatted(silver, table)).getFirst();
            execute("COMMENT ON TABLE iceberg.%s.%s IS '%s'".formatted(silver, table, comment.replaceFirst("; vault read .*$", "").replace("'", "''")));
        }
    }

    private static void execute(String sql)
    {
        try (Connection connection = DriverManager.getConnection(TestingVaultEngine.jdbcUrl(), "vault", null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
