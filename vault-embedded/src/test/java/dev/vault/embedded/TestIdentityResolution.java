package dev.vault.embedded;

import dev.vault.runner.ModelResult;
import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import dev.vault.runner.VaultListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.vault.embedded.TestLeadsVault.count;
import static dev.vault.embedded.TestLeadsVault.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identity resolution on the embedded engine: persons keep their IDs across runs, a merge keeps
 * the older person and is recorded in the same-as link, junk values do not join people, and a
 * long chain of records resolves in about log2(n) rounds.
 */
class TestIdentityResolution
{
    private static final String MODELS = """
            sources:
              - name: leads
                record-source: forms
                load-timestamp: loaded_at
                columns:
                  - { name: id, type: varchar }
                  - { name: name, type: varchar }
                  - { name: email, type: varchar }
                  - { name: phone, type: varchar }
                  - { name: loaded_at, type: timestamp(6) with time zone }
            stages:
              - name: stg_leads
                source: leads
                identity:
                  record-key: [id]
                  name: name
                  email: email
                  phone: phone
                hashdiffs:
                  hd_person: [name, email, phone]
            hubs:
              - name: hub_person
                hash-key: hk_person
                identity: true
                sources: [stg_leads]
            satellites:
              - name: sat_person
                parent: hub_person
                hashdiff: hd_person
                sources: [stg_leads]
            """;

    @TempDir
    Path temp;

    @Test
    void personsKeepTheirIdsAndAMergeKeepsTheOlderOne()
    {
        // two records of Ana that share no key: two persons
        Path project = project("merge", """
                id,name,email,phone,loaded_at
                r1,Ana Lima,ana.lima@gmail.com,,2026-11-01 00:00:00 UTC
                r2,Ana Lima,,(11) 98765-4321,2026-11-02 00:00:00 UTC
                r3,Bia Reis,bia@uol.com.br,,2026-11-02 00:00:00 UTC
                """);
        String ana;
        String anaByPhone;
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            vault.seed();
            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();
            assertThat(run.model("hub_person").rowsWritten()).hasValue(3);
            ana = personOf(vault, "merge", "r1");
            anaByPhone = personOf(vault, "merge", "r2");
            assertThat(ana).isNotEqualTo(anaByPhone);
        }

        // a new record with Ana's email and Ana's name and phone joins the two
        TestingProjects.write(project.resolve("seeds/leads.csv"), """
                id,name,email,phone,loaded_at
                r1,Ana Lima,ana.lima@gmail.com,,2026-11-01 00:00:00 UTC
                r2,Ana Lima,,(11) 98765-4321,2026-11-02 00:00:00 UTC
                r3,Bia Reis,bia@uol.com.br,,2026-11-02 00:00:00 UTC
                r4,ANA LIMA,Ana.Lima+news@GMAIL.com,+55 11 98765-4321,2026-11-03 00:00:00 UTC
                r5,Bia Reis,bia@uol.com.br,,2026-11-03 00:00:00 UTC
                """);
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            vault.seed();
            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();
            assertThat(run.model("hub_person").rowsWritten()).hasValue(0);
            assertThat(run.model("hub_person").detail()).contains("2 records, 1 merge");

            // the older person (r1 landed first) survives; both stay in the insert-only hub
            for (String record : List.of("r1", "r2", "r4")) {
                assertThat(personOf(vault, "merge", record)).as(record).isEqualTo(ana);
            }
            assertThat(personOf(vault, "merge", "r5")).isEqualTo(personOf(vault, "merge", "r3"));
            assertThat(count(vault, "iceberg.silver_merge.hub_person")).isEqualTo(3);
            assertThat(rows(vault, "SELECT hk_person_master, hk_person_duplicate, load_datetime FROM iceberg.silver_merge.sal_person"))
                    .containsExactly(ana + " " + anaByPhone + " 2026-11-03 00:00:00.000000 UTC");
            // the records map is insert-only: r2 still says whom it was first resolved to
            assertThat(rows(vault, "SELECT first_resolved_to FROM iceberg.silver_merge.hub_person_resolved WHERE identity_record = "
                    + "(SELECT identity_record FROM iceberg.silver_merge.stg_leads WHERE id = 'r2' LIMIT 1)"))
                    .containsExactly(anaByPhone);

            RunResult again = vault.run();
            assertThat(again.model("hub_person").status()).isEqualTo(ModelResult.Status.UP_TO_DATE);
            assertThat(count(vault, "iceberg.silver_merge.sal_person")).isEqualTo(1);
        }
    }

    @Test
    void junkValuesDoNotJoinPeopleAndAreReported()
    {
        StringBuilder csv = new StringBuilder("id,name,email,phone,loaded_at\n");
        // 60 different people who all typed the same test email, and two who share a real one
        for (int i = 0; i < 60; i++) {
            csv.append("j%d,Pessoa %d,teste@teste.com,(11) 9%04d-%04d,2026-11-01 00:00:00 UTC\n".formatted(i, i, 1000 + i, 2000 + i));
        }
        // a call centre registered 55 leads with its own phone, two of them with the same name
        for (int i = 0; i < 55; i++) {
            csv.append("k%d,Cliente %d,,(11) 4004-0000,2026-11-01 00:00:00 UTC\n".formatted(i, i == 54 ? 0 : i));
        }
        csv.append("a1,Caio Souza,caio@gmail.com,,2026-11-01 00:00:00 UTC\n");
        csv.append("a2,Caio Souza,c.a.i.o@gmail.com,,2026-11-01 00:00:00 UTC\n");
        Path project = project("junk", csv.toString());
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            vault.seed();
            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();
            assertThat(run.model("hub_person").detail()).contains("2 junk keys");
            assertThat(rows(vault, "SELECT key_name, sample, records FROM iceberg.silver_junk.hub_person_junk_keys ORDER BY key_name"))
                    .containsExactly("email teste@teste.com 60", "phone 1140040000 55");
            // nobody joined through the junk values, not even the two 'Cliente 0' with the call centre's phone
            assertThat(count(vault, "iceberg.silver_junk.hub_person")).isEqualTo(60 + 55 + 1);
            assertThat(personOf(vault, "junk", "k54")).isNotEqualTo(personOf(vault, "junk", "k0"));
            assertThat(personOf(vault, "junk", "a1")).isEqualTo(personOf(vault, "junk", "a2"));
        }
    }

    @Test
    void aLongChainResolvesInLogarithmicRounds()
    {
        int records = 100_000;
        Path project = project("chain", "id,name,email,phone,loaded_at\n");
        List<Long> hookedPerRound = new ArrayList<>();
        List<Integer> jumpsPerRound = new ArrayList<>();
        VaultListener rounds = new VaultListener()
        {
            @Override
            public void modelProgress(String model, String message)
            {
                Matcher round = Pattern.compile("round \\d+: (\\d+) pointer jumps, (\\d+) trees hooked").matcher(message);
                if (round.matches()) {
                    jumpsPerRound.add(Integer.parseInt(round.group(1)));
                    hookedPerRound.add(Long.parseLong(round.group(2)));
                }
            }
        };
        try (Vault vault = TestingVaultEngine.configure(project).listener(rounds).load()) {
            vault.seed();
            // record i shares its email with record i+1 when i is even, its name and phone when i is odd: one chain
            execute("""
                    INSERT INTO iceberg.bronze_chain.leads
                    SELECT
                        'c' || CAST(i AS varchar),
                        'pessoa ' || CAST((i + 1) / 2 AS varchar),
                        'e' || CAST(i / 2 AS varchar) || '@chain.test',
                        '119' || lpad(CAST((i + 1) / 2 AS varchar), 8, '0'),
                        TIMESTAMP '2026-11-01 00:00:00 UTC'
                    FROM (SELECT thousands * 1000 + units AS i
                          FROM UNNEST(sequence(0, %d)) AS t (thousands)
                          CROSS JOIN UNNEST(sequence(0, 999)) AS u (units))
                    """.formatted(records / 1000 - 1));
            assertThat(count(vault, "iceberg.bronze_chain.leads")).isEqualTo(records);

            RunResult run = vault.run();
            assertThat(run.failures()).isEmpty();
            assertThat(count(vault, "iceberg.silver_chain.hub_person")).isEqualTo(1);
            assertThat(count(vault, "iceberg.silver_chain.hub_person_records")).isEqualTo(records);
        }
        // log2(100,000) is about 17. Each hooking round leaves a fraction of the trees and each pointer jump halves
        // paths, so both stay near log2(n); label propagation alone would need as many rounds as the chain is long.
        System.out.printf("chain of %d records: %d hooking rounds, pointer jumps per round %s, trees hooked per round %s%n",
                records, hookedPerRound.size(), jumpsPerRound, hookedPerRound);
        assertThat(hookedPerRound.getLast()).isZero();
        assertThat(hookedPerRound.size()).isBetween(2, 17);
        int statements = jumpsPerRound.stream().mapToInt(Integer::intValue).sum() + hookedPerRound.size();
        assertThat(statements).isLessThanOrEqualTo(4 * 17);
    }

    private static void execute(String sql)
    {
        try (Connection connection = DriverManager.getConnection(TestingVaultEngine.jdbcUrl(), "vault", null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String personOf(Vault vault, String schemaSuffix, String id)
    {
        return rows(vault, "SELECT resolved.hk_person FROM iceberg.silver_%s.stg_leads AS stg JOIN iceberg.silver_%s.hub_person_resolved AS resolved "
                .formatted(schemaSuffix, schemaSuffix) + "ON resolved.identity_record = stg.identity_record WHERE stg.id = '" + id + "' LIMIT 1").getFirst();
    }

    private Path project(String name, String leadsCsv)
    {
        Path project = temp.resolve(name);
        TestingProjects.write(project.resolve("vault.yml"), """
                name: %s
                seed-paths: [seeds]
                schemas: { bronze: bronze_%s, staging: silver_%s, silver: silver_%s, gold: gold_%s }
                """.formatted(name, name, name, name, name));
        TestingProjects.write(project.resolve("models/models.yml"), MODELS);
        TestingProjects.write(project.resolve("seeds/leads.csv"), leadsCsv);
        return project;
    }
}
