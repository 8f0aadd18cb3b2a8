package dev.vault.benchmarks;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.vault.benchmarks.truth.GeneratedLead;
import dev.vault.benchmarks.truth.GroundTruthGenerator;
import dev.vault.core.identity.IdentityHasher;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.identity.IdentityPart;
import dev.vault.core.identity.IdentitySettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Identity hasher throughput on one core: {@link #hashLead} normalizes one realistic lead and
 * computes all its configured keys (what the unifier and the Java side of the warehouse do per
 * record); {@link #rawSha256} is the bare SHA-256 of a key-sized input in the same run, the floor
 * any keyed hashing pays. Leads cycle through a few thousand generated ones (accents, Gmail dots,
 * phone formats, missing fields), so branch prediction and caches see realistic variety.
 *
 * <p>Run with {@code ./bench jmh}; it prints the JMH table and a one-line summary.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IdentityHasherBenchmark
{
    public static final long SEED = 20261101L;
    public static final int LEADS = 4096;

    /** A few thousand generated leads, shuffled, as raw fields and normalized. */
    public abstract static class LeadData
    {
        IdentityHasher hasher;
        String[] names;
        String[] emails;
        String[] phones;
        IdentityHasher.Normalized[] normalized;
        int next;

        void load(String keys)
        {
            hasher = new IdentityHasher(settings(keys));
            List<GeneratedLead> generated = new ArrayList<>(new GroundTruthGenerator(SEED).generate(LEADS * 2 / 5).leads());
            Collections.shuffle(generated, new Random(SEED));
            if (generated.size() < LEADS) {
                throw new IllegalStateException("generated only " + generated.size() + " leads");
            }
            names = new String[LEADS];
            emails = new String[LEADS];
            phones = new String[LEADS];
            normalized = new IdentityHasher.Normalized[LEADS];
            for (int i = 0; i < LEADS; i++) {
                GeneratedLead lead = generated.get(i);
                names[i] = lead.name();
                emails[i] = lead.email();
                phones[i] = lead.phone();
                normalized[i] = hasher.normalize(names[i], emails[i], phones[i]);
            }
        }
    }

    @State(Scope.Thread)
    public static class Leads
            extends LeadData
    {
        /** The configured keys, joined by '+': the defaults, and the defaults plus name_email_phone. */
        @Param({"email+name_phone", "email+name_phone+name_email_phone"})
        public String keys;

        @Setup(Level.Trial)
        public void setUp()
        {
            load(keys);
        }
    }

    /** The same leads, for the benchmark that does not depend on the keys. */
    @State(Scope.Thread)
    public static class PlainLeads
            extends LeadData
    {
        @Setup(Level.Trial)
        public void setUp()
        {
            load("email+name_phone");
        }
    }

    @State(Scope.Thread)
    public static class Sha256
    {
        /** Bytes hashed per call: about one key input ("vault-person-v1|name=...|phone=..."). */
        @Param({"60"})
        public int size;

        MessageDigest digest;
        byte[] input;

        @Setup(Level.Trial)
        public void setUp()
                throws NoSuchAlgorithmException
        {
            digest = MessageDigest.getInstance("SHA-256");
            byte[] sample = "vault-person-v1|name=maria aparecida souza|phone=11987654321|email=maria.souza@gmail.com"
                    .getBytes(StandardCharsets.US_ASCII);
            input = new byte[size];
            for (int i = 0; i < size; i++) {
                input[i] = sample[i % sample.length];
            }
        }
    }

    /** Normalize one lead and compute every configured key of it. */
    @Benchmark
    public void hashLead(Leads state, Blackhole blackhole)
    {
        int i = state.next;
        state.next = (i + 1) & (LEADS - 1);
        IdentityHasher hasher = state.hasher;
        blackhole.consume(hasher.keyValues(hasher.normalize(state.names[i], state.emails[i], state.phones[i])));
    }

    /** Only the normalization of one lead (name, email, phone): the part of hashLead that is not hashing. */
    @Benchmark
    public void normalize(PlainLeads state, Blackhole blackhole)
    {
        int i = state.next;
        state.next = (i + 1) & (LEADS - 1);
        blackhole.consume(state.hasher.normalize(state.names[i], state.emails[i], state.phones[i]));
    }

    /** Only the keys of one already normalized lead: SHA-256 plus building the hex strings. */
    @Benchmark
    public void keysOnly(Leads state, Blackhole blackhole)
    {
        int i = state.next;
        state.next = (i + 1) & (LEADS - 1);
        blackhole.consume(state.hasher.keyValues(state.normalized[i]));
    }

    /** One SHA-256 of a key-sized input, with a reused MessageDigest (as the hasher does). */
    @Benchmark
    public byte[] rawSha256(Sha256 state)
    {
        return state.digest.digest(state.input);
    }

    /** "email+name_phone" -> the default settings with those keys. */
    public static IdentitySettings settings(String keys)
    {
        ImmutableList.Builder<IdentityKey> list = ImmutableList.builder();
        for (String key : keys.split("\\+")) {
            list.add(switch (key) {
                case "email" -> new IdentityKey(key, ImmutableSortedSet.of(IdentityPart.EMAIL));
                case "name_phone" -> new IdentityKey(key, ImmutableSortedSet.of(IdentityPart.NAME, IdentityPart.PHONE));
                case "name_email" -> new IdentityKey(key, ImmutableSortedSet.of(IdentityPart.NAME, IdentityPart.EMAIL));
                case "name_email_phone" -> new IdentityKey(key, ImmutableSortedSet.of(IdentityPart.NAME, IdentityPart.EMAIL, IdentityPart.PHONE));
                case "phone" -> new IdentityKey(key, ImmutableSortedSet.of(IdentityPart.PHONE));
                default -> throw new IllegalArgumentException("unknown key: " + key);
            });
        }
        IdentitySettings defaults = IdentitySettings.defaults();
        return new IdentitySettings(defaults.defaultCountry(), list.build(), defaults.maxRecordsPerKey());
    }
}
