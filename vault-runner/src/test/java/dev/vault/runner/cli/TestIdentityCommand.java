package dev.vault.runner.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vault.runner.IdentityExplanation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestIdentityCommand
{
    private static final String PERSON = "A".repeat(64);
    private static final String R1 = "1".repeat(64);
    private static final String R2 = "2".repeat(64);
    private static final String R3 = "3".repeat(64);

    private static final IdentityExplanation EXPLANATION = new IdentityExplanation(
            "hub_pessoa",
            PERSON,
            ImmutableList.of(
                    new IdentityExplanation.Record(R1, "stg_crm_contacts", "101", ImmutableMap.of("name", "robert alan", "birth_date", "1980-03-14"), PERSON),
                    new IdentityExplanation.Record(R2, "stg_crm_contacts", "102", ImmutableMap.of("name", "robert alen", "email", "r@x.com"), PERSON),
                    new IdentityExplanation.Record(R3, "stg_google_leads", "g7", ImmutableMap.of("email", "r@x.com"), "B".repeat(64))),
            ImmutableList.of(
                    new IdentityExplanation.Evidence("key", "email", "r@x.com", ImmutableList.of(R2, R3), ""),
                    new IdentityExplanation.Evidence("comparison", "name_typo", "1980-03-14", ImmutableList.of(R1, R2),
                            "birth_date equal ('1980-03-14'); name 'robert alan' ~ 'robert alen': 1 of at most 2 edits")),
            ImmutableList.of(new IdentityExplanation.Junk("phone", "11999999999", 812, ImmutableList.of(R3))),
            ImmutableList.of(new IdentityExplanation.Merge(PERSON, "B".repeat(64), "2026-11-02 00:00:00.000000 UTC")),
            ImmutableList.of());

    @Test
    void textSaysWhatJoinedEachRecord()
    {
        assertThat(IdentityCommand.text(EXPLANATION)).isEqualTo("""
                Person AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA of hub_pessoa: 3 records
                  111111111111  stg_crm_contacts:101  name 'robert alan', birth_date '1980-03-14'
                  222222222222  stg_crm_contacts:102  name 'robert alen', email 'r@x.com'
                  333333333333  stg_google_leads:g7  email 'r@x.com'  (first resolved to BBBBBBBBBBBB)
                Joined by:
                  key email 'r@x.com': 222222222222, 333333333333
                  comparison name_typo '1980-03-14': 111111111111, 222222222222 (birth_date equal ('1980-03-14'); name 'robert alan' ~ 'robert alen': 1 of at most 2 edits)
                Left out by the junk guard (not matched on):
                  phone '11999999999' shared by 812 records, of which 333333333333
                Merge at 2026-11-02 00:00:00.000000 UTC: BBBBBBBBBBBB into AAAAAAAAAAAA
                """);
    }

    @Test
    void jsonHasEveryFieldWhole()
    {
        assertThat(IdentityCommand.json(EXPLANATION))
                .contains("\"person\" : \"" + PERSON + "\"")
                .contains("\"identity_record\" : \"" + R3 + "\"")
                .contains("\"first_resolved_to\" : \"" + "B".repeat(64) + "\"")
                .contains("\"records_sharing\" : 812")
                .contains("\"kind\" : \"comparison\"");
    }
}
