package dev.vault.benchmarks.truth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * Writes generated leads as seed CSVs in the exact layouts of the example's bronze sources
 * ({@code models/bronze/sources.yml}, {@code examples/leads/README.md}): UTF-8 without BOM, LF
 * line endings, a header row, fields quoted (RFC 4180) only when they contain a comma, a double
 * quote or a line break, an empty field for NULL, timestamps like {@code 2026-10-28 14:03:11 UTC}.
 * Plus {@code truth.csv}: source, record_id, true_person_id.
 */
public final class LeadCsvWriter
{
    public static final String CRM_HEADER = "contact_id,first_name,last_name,email,phone,producer_id,created_at,updated_at,_loaded_at";
    public static final String FACEBOOK_HEADER = "leadgen_id,full_name,email,phone_number,producer_id,campaign_name,ad_id,created_time,_loaded_at";
    public static final String GOOGLE_HEADER = "lead_id,full_name,email,phone_number,producer_id,campaign_id,gclid,lead_submit_time,_loaded_at";
    public static final String TRUTH_HEADER = "source,record_id,true_person_id";
    public static final String TRUTH_FILE = "truth.csv";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** When each source's export lands: the day after the lead window, five minutes apart. */
    public static Instant loadedAt(Source source)
    {
        return GroundTruthGenerator.WINDOW_END.plusSeconds(3 * 3600 + 300L * source.ordinal());
    }

    private LeadCsvWriter() {}

    /** Writes {@code <table>.csv} for each source and {@code truth.csv} into {@code directory}; returns the files. */
    public static List<Path> write(Path directory, List<GeneratedLead> leads)
    {
        List<Path> sources = writeSources(directory, leads);
        Path truth = directory.resolve(TRUTH_FILE);
        try (Writer out = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
            writeTruth(out, ordered(leads));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of(sources.get(0), sources.get(1), sources.get(2), truth);
    }

    /**
     * Writes only {@code <table>.csv} for each source into {@code directory}, a folder vault can
     * seed from (a {@code truth.csv} there would be a seed file named after no source); returns the files.
     */
    public static List<Path> writeSources(Path directory, List<GeneratedLead> leads)
    {
        try {
            Files.createDirectories(directory);
            List<GeneratedLead> ordered = ordered(leads);
            for (Source source : Source.values()) {
                try (Writer out = Files.newBufferedWriter(directory.resolve(source.table() + ".csv"), StandardCharsets.UTF_8)) {
                    writeSource(out, source, ordered);
                }
            }
            return List.of(directory.resolve(Source.ACTIVECAMPAIGN.table() + ".csv"), directory.resolve(Source.FACEBOOK_ADS.table() + ".csv"),
                    directory.resolve(Source.GOOGLE_ADS.table() + ".csv"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The order rows are written in: by lead time, then record id. */
    static List<GeneratedLead> ordered(List<GeneratedLead> leads)
    {
        return leads.stream()
                .sorted(Comparator.comparing(GeneratedLead::leadTime).thenComparing(GeneratedLead::recordId))
                .toList();
    }

    /** One source's CSV: the header and that source's leads, in the given order. */
    public static void writeSource(Writer out, Source source, List<GeneratedLead> leads)
            throws IOException
    {
        out.write(header(source));
        out.write('\n');
        for (GeneratedLead lead : leads) {
            if (lead.source() == source) {
                out.write(line(fields(lead)));
            }
        }
    }

    /** The header of a source's CSV: its column names in the order of {@code models/bronze/sources.yml}. */
    public static String header(Source source)
    {
        return switch (source) {
            case ACTIVECAMPAIGN -> CRM_HEADER;
            case FACEBOOK_ADS -> FACEBOOK_HEADER;
            case GOOGLE_ADS -> GOOGLE_HEADER;
        };
    }

    /** A lead's fields as its source's CSV row holds them, in {@link #header(Source)} order; null for an empty field. */
    public static String[] fields(GeneratedLead lead)
    {
        String loadedAt = timestamp(loadedAt(lead.source()));
        return switch (lead.source()) {
            case ACTIVECAMPAIGN -> new String[] {lead.recordId(), lead.firstName(), lead.lastName(), lead.email(), lead.phone(),
                    lead.producerId(), timestamp(lead.leadTime()), timestamp(lead.updatedAt()), loadedAt};
            case FACEBOOK_ADS, GOOGLE_ADS -> new String[] {lead.recordId(), lead.name(), lead.email(), lead.phone(),
                    lead.producerId(), lead.campaign(), lead.adReference(), timestamp(lead.leadTime()), loadedAt};
        };
    }

    public static void writeTruth(Writer out, List<GeneratedLead> leads)
            throws IOException
    {
        out.write(TRUTH_HEADER);
        out.write('\n');
        for (GeneratedLead lead : leads) {
            out.write(line(lead.source().id(), lead.recordId(), lead.truePersonId()));
        }
    }

    /** One CSV line, LF-terminated; null fields are empty. */
    public static String line(String... fields)
    {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields[i]));
        }
        return line.append('\n').toString();
    }

    /** RFC 4180: quoted only when it contains a comma, a double quote, CR or LF; quotes doubled. */
    public static String field(String value)
    {
        if (value == null) {
            return "";
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    public static String timestamp(Instant instant)
    {
        return instant == null ? null : TIMESTAMP.format(instant);
    }
}
