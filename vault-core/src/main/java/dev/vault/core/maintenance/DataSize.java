package dev.vault.core.maintenance;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A size in bytes, written as Trino writes data sizes: a whole number and one of B, kB, MB, GB,
 * TB (powers of 1024). Parsing is strict: '128MB' is a size, '128 mb' and '1.5GB' are not.
 */
public record DataSize(long bytes)
{
    private static final Pattern TEXT = Pattern.compile("([0-9]{1,12})(B|kB|MB|GB|TB)");
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};

    public DataSize
    {
        checkArgument(bytes >= 0, "bytes is negative");
    }

    public static DataSize ofMegabytes(long megabytes)
    {
        return new DataSize(megabytes << 20);
    }

    public static Optional<DataSize> parse(String text)
    {
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int unit = Arrays.asList(UNITS).indexOf(matcher.group(2));
        long value = Long.parseLong(matcher.group(1));
        if (Long.numberOfLeadingZeros(value) <= unit * 10 + 1) {
            return Optional.empty();
        }
        return Optional.of(new DataSize(value << (unit * 10)));
    }

    /** The largest unit that divides the size exactly: 134217728 bytes is '128MB'. */
    @Override
    public String toString()
    {
        int unit = 0;
        long value = bytes;
        while (unit < UNITS.length - 1 && value != 0 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + UNITS[unit];
    }
}
