package dev.vault.runner;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What {@link VaultConfiguration#init(InitOptions)} writes: the example project, or a project over
 * the tables of an existing bronze schema.
 *
 * @param name the project's name; by default the folder's name, made a valid one
 * @param from {@code <catalog>.<schema>} of existing bronze tables, read from the configured engine
 */
public record InitOptions(Optional<String> name, Optional<String> from)
{
    public InitOptions
    {
        requireNonNull(name, "name is null");
        requireNonNull(from, "from is null");
    }

    /** The example project: a source filled from a seed file, its stage, a hub and a satellite. */
    public static InitOptions example()
    {
        return new InitOptions(Optional.empty(), Optional.empty());
    }

    /** Sources and stages for every table of {@code <catalog>.<schema>}, e.g. {@code iceberg.airbyte}. */
    public static InitOptions fromBronze(String catalogAndSchema)
    {
        return new InitOptions(Optional.empty(), Optional.of(requireNonNull(catalogAndSchema, "catalogAndSchema is null")));
    }

    public InitOptions withName(String name)
    {
        return new InitOptions(Optional.of(requireNonNull(name, "name is null")), from);
    }
}
