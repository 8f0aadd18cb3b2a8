package dev.vault.runner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --log-format}: lines for people, or one JSON object per event for orchestrators. */
final class LogFormatOption
{
    @Option(names = "--log-format", paramLabel = "FORMAT", description = "text (lines for people, default) or json (one JSON object per event, for orchestrators).",
            defaultValue = "text", converter = Converter.class)
    Reporter.LogFormat format = Reporter.LogFormat.TEXT;

    Reporter.LogFormat format()
    {
        return format;
    }

    static final class Converter
            implements CommandLine.ITypeConverter<Reporter.LogFormat>
    {
        @Override
        public Reporter.LogFormat convert(String value)
        {
            return switch (value) {
                case "text" -> Reporter.LogFormat.TEXT;
                case "json" -> Reporter.LogFormat.JSON;
                default -> throw new CommandLine.TypeConversionException("'" + value + "' is not a log format: use text or json");
            };
        }
    }
}
