package dev.vault.benchmarks;

import dev.vault.core.identity.IdentityKey;
import dev.vault.core.identity.IdentitySettings;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's setup and methods work outside JMH (the numbers come from ./bench jmh). */
class TestIdentityHasherBenchmark
{
    @Test
    void keyParameters()
    {
        assertThat(IdentityHasherBenchmark.settings("email+name_phone")).isEqualTo(IdentitySettings.defaults());
        assertThat(IdentityHasherBenchmark.settings("email+name_phone+name_email_phone").keys())
                .extracting(IdentityKey::name).containsExactly("email", "name_phone", "name_email_phone");
        assertThatThrownBy(() -> IdentityHasherBenchmark.settings("email+shoe_size")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void benchmarksRun()
            throws Exception
    {
        IdentityHasherBenchmark benchmark = new IdentityHasherBenchmark();
        IdentityHasherBenchmark.Leads leads = new IdentityHasherBenchmark.Leads();
        leads.keys = "email+name_phone+name_email_phone";
        leads.setUp();
        assertThat(leads.names).hasSize(IdentityHasherBenchmark.LEADS);
        Blackhole blackhole = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        for (int i = 0; i < 2 * IdentityHasherBenchmark.LEADS; i++) {
            benchmark.hashLead(leads, blackhole);
        }
        assertThat(leads.next).isZero();

        IdentityHasherBenchmark.Sha256 sha = new IdentityHasherBenchmark.Sha256();
        sha.size = 60;
        sha.setUp();
        assertThat(sha.input).hasSize(60);
        assertThat(benchmark.rawSha256(sha)).hasSize(32);
    }
}
