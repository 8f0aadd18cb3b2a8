package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.identity.IdentityHasher;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.core.model.Identifiers;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.IdentitySql;
import dev.vault.sql.SqlText;

import java.sql.SQLException;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code vault functions install}: creates the identity functions ({@code generate_person_hash},
 * {@code normalize_person_name}, {@code normalize_email}, {@code normalize_phone}) as SQL routines in
 * a schema of a cluster's catalog, then checks on the cluster that {@code generate_person_hash}
 * gives the key the Java hasher gives ({@code vault hash}). Only a catalog whose connector stores
 * routines can hold them; on Trino that is a {@code memory} catalog (Iceberg and Hive catalogs
 * cannot).
 */
public final class FunctionInstall
{
    /** The seeds' own check: the person the docs of the source platform use. */
    public static final ImmutableList<String> SAMPLE = ImmutableList.of("João Silva", "joao@email.com", "11999999999");

    private final IdentitySettings identity;
    private final String catalog;
    private final String schema;

    public FunctionInstall(IdentitySettings identity, String catalog, String schema)
    {
        this.identity = requireNonNull(identity, "identity is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.schema = requireNonNull(schema, "schema is null");
        for (String name : ImmutableList.of(catalog, schema)) {
            if (!Identifiers.isValid(name)) {
                throw new VaultException(ErrorCode.INVALID_PROJECT, "'%s' is not a valid catalog or schema name: use lower case letters, digits and _".formatted(name));
            }
        }
    }

    /** What {@link #install} runs, for an administrator to run instead ({@code --print}). */
    public ImmutableList<String> statements()
    {
        return ImmutableList.<String>builder()
                .add("CREATE SCHEMA IF NOT EXISTS %s.%s".formatted(SqlText.identifier(catalog), SqlText.identifier(schema)))
                .addAll(new IdentitySql(identity).functions(catalog, schema))
                .build();
    }

    public FunctionInstallResult install(SqlExecutor executor)
    {
        for (String statement : statements()) {
            try {
                executor.update(statement);
            }
            catch (SQLException e) {
                throw new VaultException(ErrorCode.MODEL_FAILED, ("cannot create the identity functions in %s.%s: %s. Only a catalog whose connector stores SQL routines can hold them "
                        + "(on Trino a memory catalog, connector.name=memory; Iceberg and Hive catalogs cannot); or print the statements with --print for an administrator to run")
                        .formatted(catalog, schema, e.getMessage()), e);
            }
        }
        String expected = new IdentityHasher(identity).personHash(SAMPLE.get(0), SAMPLE.get(1), SAMPLE.get(2));
        Optional<String> actual;
        String check = "SELECT %s.%s.generate_person_hash('%s', '%s', '%s')".formatted(SqlText.identifier(catalog), SqlText.identifier(schema), SAMPLE.get(0), SAMPLE.get(1), SAMPLE.get(2));
        try {
            actual = executor.queryValue(check);
        }
        catch (SQLException e) {
            throw new VaultException(ErrorCode.MODEL_FAILED, "the identity functions were created in %s.%s but cannot be called: %s".formatted(catalog, schema, e.getMessage()), e);
        }
        if (!actual.equals(Optional.ofNullable(expected))) {
            throw new VaultException(ErrorCode.INTERNAL, "generate_person_hash on the cluster gives %s for %s where vault's hasher gives %s: the engine computes keys differently; please report this with the Trino version"
                    .formatted(actual.orElse("NULL"), SAMPLE, expected));
        }
        return new FunctionInstallResult(catalog, schema, ImmutableList.of("normalize_person_name", "normalize_email", "normalize_phone", "generate_person_hash"), expected);
    }
}
