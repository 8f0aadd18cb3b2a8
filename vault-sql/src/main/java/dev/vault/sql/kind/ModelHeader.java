package dev.vault.sql.kind;

import dev.vault.core.model.Model;

import static java.util.Objects.requireNonNull;

/** What the header comment of every statement says about its model ({@code lib.header}). */
public record ModelHeader(String kind, String name, String location)
{
    public ModelHeader
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(location, "location is null");
    }

    public static ModelHeader of(Model model)
    {
        return new ModelHeader(model.kind().displayName(), model.name(), model.location().toString());
    }
}
