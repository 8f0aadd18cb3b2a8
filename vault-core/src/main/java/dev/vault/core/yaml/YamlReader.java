package dev.vault.core.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vault.core.model.Location;

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
            JsonLocation where = e.getLocation();
            String message = e.getOriginalMessage();
            throw new YamlException(where == null ? Location.of(displayPath) : location(displayPath, where),
                    "invalid YAML: " + firstLine(message));
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
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_EMBEDDED_OBJECT ->
                    new YamlNode.Scalar(parser.getText(), location);
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
