package dev.vault.core.seed;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.google.common.collect.ImmutableList;
import dev.vault.core.dialect.SqlDialect;
import dev.vault.core.dialect.TypeFamily;
import dev.vault.core.load.Problems;
import dev.vault.core.load.Suggestions;
import dev.vault.core.model.Column;
import dev.vault.core.model.Location;
import dev.vault.core.model.Model;
import dev.vault.core.model.Project;
import dev.vault.core.model.Source;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the CSV seed files of a project. A file named {@code <source>.csv} anywhere under a seed
 * path holds rows of that source; its header names the source's columns, in any order. Values
 * are checked against the column types here, so a bad value is reported with its file and line
 * before anything is written.
 */
public final class SeedReader
{
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,12})?)?)?");
    private static final Pattern TIMESTAMP_TZ = Pattern.compile("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,12})?)?)? ?([A-Za-z_/]+|[+-]\\d{2}:\\d{2})");

    private SeedReader() {}

    public static ImmutableList<Seed> read(Project project, List<Path> seedPaths)
    {
        Path root = project.config().root();
        Problems problems = new Problems();
        Map<String, List<Path>> filesBySource = new LinkedHashMap<>();
        for (Path seedPath : seedPaths) {
            Path path = root.resolve(seedPath).normalize();
            if (!Files.isDirectory(path)) {
                problems.add(Location.of(Path.of("vault.yml")), "seed path '%s' is not a folder", display(root, path));
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path file : walk.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".csv")).sorted().toList()) {
                    String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
                    Model model = project.models().get(name);
                    if (!(model instanceof Source)) {
                        problems.add(Location.of(display(root, file)), "seed file '%s' is named after no source; name it <source name>.csv%s",
                                file.getFileName(), Suggestions.hint(name, project.models(Source.class).stream().map(Source::name).toList()));
                        continue;
                    }
                    filesBySource.computeIfAbsent(name, ignored -> new ArrayList<>()).add(file);
                }
            }
            catch (IOException e) {
                problems.add(Location.of(display(root, path)), "cannot list seed files: " + e.getMessage());
            }
        }
        ImmutableList.Builder<Seed> seeds = ImmutableList.builder();
        for (Map.Entry<String, List<Path>> entry : filesBySource.entrySet()) {
            Source source = project.model(entry.getKey(), Source.class);
            ImmutableList.Builder<Seed.Row> rows = ImmutableList.builder();
            for (Path file : entry.getValue()) {
                readFile(source, file, display(root, file), project.dialect(), problems, rows);
            }
            seeds.add(new Seed(source, entry.getValue().stream().map(file -> display(root, file)).collect(ImmutableList.toImmutableList()), rows.build()));
        }
        problems.throwIfAny();
        return seeds.build();
    }

    private static void readFile(Source source, Path file, Path display, SqlDialect dialect, Problems problems, ImmutableList.Builder<Seed.Row> rows)
    {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<String[]> records = mapper.readerFor(String[].class).readValues(reader)) {
            if (!records.hasNextValue()) {
                problems.add(Location.of(display), "the seed file is empty; it needs a header row naming the columns of source '%s'", source.name());
                return;
            }
            String[] header = records.nextValue();
            int problemsBefore = problems.size();
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                String name = header[i].strip().replace("\uFEFF", "");
                if (source.column(name).isEmpty()) {
                    problems.add(new Location(display, 1, 1), "column '%s' of the header is not a column of source '%s'%s",
                            name, source.name(), Suggestions.hint(name, source.columns().stream().map(Column::name).toList()));
                }
                else if (positions.put(name, i) != null) {
                    problems.add(new Location(display, 1, 1), "column '%s' appears twice in the header", name);
                }
            }
            for (Column column : source.columns()) {
                if (!positions.containsKey(column.name())) {
                    problems.add(new Location(display, 1, 1), "the header has no column '%s' of source '%s'; add it (an empty field means NULL)", column.name(), source.name());
                }
            }
            if (problems.size() > problemsBefore) {
                return; // rows cannot be read against a wrong header
            }
            while (true) {
                int line = records.getCurrentLocation().getLineNr();
                if (!records.hasNextValue()) {
                    break;
                }
                String[] record = records.nextValue();
                Location location = new Location(display, line, 1);
                if (record.length == 1 && record[0].isEmpty()) {
                    continue; // blank line
                }
                if (record.length != header.length) {
                    problems.add(location, "the row has %s fields but the header has %s", record.length, header.length);
                    continue;
                }
                ImmutableList.Builder<Optional<String>> values = ImmutableList.builder();
                for (Column column : source.columns()) {
                    String value = record[positions.get(column.name())];
                    if (value.isEmpty()) {
                        values.add(Optional.empty());
                        continue;
                    }
                    checkValue(column, value, dialect.typeFamily(column.type()), location, problems);
                    values.add(Optional.of(value));
                }
                rows.add(new Seed.Row(location, values.build()));
            }
        }
        catch (IOException | RuntimeException e) {
            problems.add(Location.of(display), "cannot read the CSV file: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static void checkValue(Column column, String value, TypeFamily family, Location location, Problems problems)
    {
        invalidValue(column.name(), column.type(), family, value).ifPresent(message -> problems.add(location, message));
    }

    /**
     * Why a value written as text cannot be cast to a column's type, if it cannot: for seeds and
     * unit test fixtures, which report it with their file and line before anything runs.
     */
    public static Optional<String> invalidValue(String columnName, String type, TypeFamily family, String value)
    {
        Pattern pattern = switch (family) {
            case INTEGER -> INTEGER;
            case DECIMAL -> DECIMAL;
            case DATE -> DATE;
            case TIMESTAMP_WITH_TIME_ZONE -> TIMESTAMP_TZ;
            case TIMESTAMP -> TIMESTAMP;
            case BOOLEAN -> Pattern.compile("(?i)true|false");
            case OTHER -> null;
        };
        if (pattern == null || pattern.matcher(value.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of("value '%s' of column '%s' is not a valid %s%s".formatted(value, columnName, type,
                family.isTimestamp() ? " (write e.g. 2026-11-01 03:00:00" + (family == TypeFamily.TIMESTAMP_WITH_TIME_ZONE ? " UTC)" : ")") : ""));
    }

    private static Path display(Path root, Path file)
    {
        return file.startsWith(root) ? root.relativize(file) : file;
    }
}
