package dev.vault.runner;

import com.google.common.collect.ImmutableList;

import static java.util.Objects.requireNonNull;

/**
 * The identity functions {@code vault functions install} created, and the key
 * {@code generate_person_hash} gave on the cluster for the seeds' sample person (equal to vault's).
 */
public record FunctionInstallResult(String catalog, String schema, ImmutableList<String> functions, String sampleHash)
{
    public FunctionInstallResult
    {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(functions, "functions is null");
        requireNonNull(sampleHash, "sampleHash is null");
    }
}
