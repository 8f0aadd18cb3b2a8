package dev.vault.core.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vault.core.model.Location;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Reads one YAML document into {@link YamlNode}s with line and column numbers, using Jackson's
 * streaming YAML parser. Duplicate keys are errors here: YAML itself would silently keep the last.
 */
public final class YamlReader
{
    // Model files are small; anything bigger than this is a mistake (a data file in models/, say)
    public static final long MAX_FILE_BYTES = 4 * 1024 * 1024;

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            // 'key:' with nothing after it is null, not ""
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            // YAML 1.1 reads on/off/yes/no as booleans; a column named 'on' must stay 'on'
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build();

    private YamlReader() {}

    /**
     * Returns empty for an empty document. Throws {@link YamlException} with the location of the
     * first syntax or structure error.
     */
    public static Optional<YamlNode> read(Path displayPath, String content)
    {
        requireNonNull(displayPath, "displayPath is null");
        requireNonNull(content, "content is null");
        try (JsonParser parser = FACTORY.createParser(content)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return Optional.empty();
            }
            YamlNode root = readValue(parser, displayPath);
            if (parser.nextToken() != null) {
                throw new YamlException(location(displayPath, parser.currentTokenLocation()),
                        "more than one YAML document in this file; keep one document per file (remove the '---' separator)");
            }
            return Optional.of(root);
        }
        catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                // SnakeYAML says what it found (problem) and what it was reading (context); a problem
                // found at the end of the file is better shown where the unfinished construct starts
                Mark mark = yaml.getProblem() != null && yaml.getProblem().contains("<stream end>") && yaml.getContextMark() != null
                        ? yaml.getContextMark()
                        : yaml.getProblemMark();
                String context = yaml.getContext() == null ? "" : " (" + yaml.getContext()
                        // an unclosed [ or { is found lines later: say where it was opened
                        + (yaml.getContextMark() != null && yaml.getContextMark().getLine() != mark.getLine()
                                ? " that starts at line %s, column %s".formatted(yaml.getContextMark().getLine() + 1, yaml.getContextMark().getColumn() + 1)
                                : "")
                        + ")";
                throw new YamlException(new Location(displayPath, mark.getLine() + 1, mark.getColumn() + 1),
                        "invalid YAML: " + firstLine(yaml.getProblem()) + context);
            }
            JsonLocation where = e.getLocation();
            throw new YamlException(where == null ? Location.of(displayPath) : location(displayPath, where),
                    "invalid YAML: " + firstLine(e.getOriginalMessage()));
        }
        catch (IOException e) {
            throw new YamlException(Location.of(displayPath), "cannot read YAML: " + e.getMessage());
        }
    }

    private static YamlNode readValue(JsonParser parser, Path file)
            throws IOException
    {
        Location location = location(file, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readMapping(parser, file, location);
            case START_ARRAY -> readSequence(parser, file, location);
            case VALUE_NULL -> new YamlNode.Scalar(null, location);
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_EMBEDDED_OBJECT -> {
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    throw new YamlException(location, "YAML aliases (*%s) are not supported in vault files; write the value out".formatted(parser.getText()));
                }
                yield new YamlNode.Scalar(parser.getText(), location);
            }
            default -> throw new YamlException(location, "unexpected YAML token " + token);
        };
    }

    private static YamlNode readMapping(JsonParser parser, Path file, Location location)
            throws IOException
    {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Location keyLocation = location(file, parser.currentTokenLocation());
            parser.nextToken();
            YamlNode value = readValue(parser, file);
            YamlNode.Entry previous = entries.putIfAbsent(key, new YamlNode.Entry(key, keyLocation, value));
            if (previous != null) {
                throw new YamlException(keyLocation, "duplicate key '%s' (first written at line %s); remove one of them"
                        .formatted(key, previous.keyLocation().line()));
            }
        }
        return new YamlNode.Mapping(ImmutableMap.copyOf(entries), location);
    }

    private static YamlNode readSequence(JsonParser parser, Path file, Location location)
            throws IOException
    {
        ImmutableList.Builder<YamlNode> items = ImmutableList.builder();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(readValue(parser, file));
        }
        return new YamlNode.Sequence(items.build(), location);
    }

    private static Location location(Path file, JsonLocation location)
    {
        return new Location(file, location.getLineNr(), location.getColumnNr());
    }

    private static String firstLine(String message)
    {
        if (message == null) {
            return "syntax error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
