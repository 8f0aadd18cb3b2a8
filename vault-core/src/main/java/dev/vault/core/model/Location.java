package dev.vault.core.model;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * A place in a project file, printed as {@code file:line:column} so editors and terminals link to it.
 * The path is kept relative to the project root whenever possible.
 */
public record Location(Path file, int line, int column)
{
    public Location
    {
        requireNonNull(file, "file is null");
    }

    public static Location of(Path file)
    {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString()
    {
        if (line <= 0) {
            return file.toString();
        }
        return file + ":" + line + ":" + column;
    }
}
