package dev.vault.runner.docs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.google.common.base.Preconditions.checkArgument;

/** Colours as CSS writes them ({@code #rrggbb}) or a browser computes them ({@code rgb(r, g, b)}), and WCAG's contrast between two. */
record Colours(int red, int green, int blue)
{
    private static final Pattern HEX = Pattern.compile("#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})");
    private static final Pattern RGB = Pattern.compile("rgba?\\((\\d+),\\s*(\\d+),\\s*(\\d+)(?:,\\s*([0-9.]+))?\\)");

    static final Colours BLACK = new Colours(0, 0, 0);
    static final Colours WHITE = new Colours(255, 255, 255);

    static Colours parse(String css)
    {
        String text = css.strip().toLowerCase(Locale.ROOT);
        Matcher hex = HEX.matcher(text);
        if (hex.matches()) {
            return new Colours(Integer.parseInt(hex.group(1), 16), Integer.parseInt(hex.group(2), 16), Integer.parseInt(hex.group(3), 16));
        }
        Matcher rgb = RGB.matcher(text);
        checkArgument(rgb.matches(), "not a colour: %s", css);
        // a transparent colour would show what is behind it, not itself
        checkArgument(rgb.group(4) == null || Double.parseDouble(rgb.group(4)) == 1, "a colour that is not opaque: %s", css);
        return new Colours(Integer.parseInt(rgb.group(1)), Integer.parseInt(rgb.group(2)), Integer.parseInt(rgb.group(3)));
    }

    /** WCAG 2's contrast ratio, from 1 (the same) to 21 (black on white); 4.5 is the least for normal text (AA). */
    static double contrast(Colours first, Colours second)
    {
        double lighter = Math.max(first.luminance(), second.luminance());
        double darker = Math.min(first.luminance(), second.luminance());
        return (lighter + 0.05) / (darker + 0.05);
    }

    private double luminance()
    {
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
    }

    private static double linear(int channel)
    {
        double value = channel / 255.0;
        return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }

    @Override
    public String toString()
    {
        return "#%02x%02x%02x".formatted(red, green, blue);
    }
}
