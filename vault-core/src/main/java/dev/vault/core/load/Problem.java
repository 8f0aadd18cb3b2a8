package dev.vault.core.load;

import dev.vault.core.model.Location;

import static java.util.Objects.requireNonNull;

/** One thing wrong with a project, at a place in a file, phrased to say what to write instead. */
public record Problem(Location location, String message)
{
    public Problem
    {
        requireNonNull(location, "location is null");
        requireNonNull(message, "message is null");
    }

    @Override
    public String toString()
    {
        return location + ": " + message;
    }
}
