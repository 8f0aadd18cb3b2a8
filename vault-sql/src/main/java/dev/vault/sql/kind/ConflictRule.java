package dev.vault.sql.kind;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Model;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What decides a payload conflict of one model (docs/loading-rules.md): staged rows newer than
 * their key's latest row that share {@code keys}, {@code rowKeys} and a load time but differ in
 * their payload's hash. The whole group of {@code keys} at that load time is set aside: for a
 * multi-active satellite that is the key's set, so no partial set is loaded.
 *
 * @param keys what a row's history is kept per (a satellite's parent and child keys, a
 *     reference table's codes); the first is the one the target is filtered on
 * @param rowKeys what tells the rows of one key's set apart (multi-active keys), or none
 * @param hashdiff the staged hashdiff column, when {@code diffColumns} is empty
 * @param diffColumns the payload the hash is computed from, for a table that has no staged hashdiff
 * @param identityHub the identity hub whose resolved view gives the parent key, if any
 * @param codes whether the keys are unhashed codes (a null or blank code is the rejected row),
 *     rather than hash keys (the zero key is)
 */
record ConflictRule(
        Model model,
        List<String> stages,
        ImmutableList<String> keys,
        ImmutableList<String> rowKeys,
        String hashdiff,
        ImmutableList<String> diffColumns,
        Optional<Hub> identityHub,
        boolean codes)
{
    ConflictRule
    {
        requireNonNull(model, "model is null");
        stages = ImmutableList.copyOf(requireNonNull(stages, "stages is null"));
        requireNonNull(keys, "keys is null");
        requireNonNull(rowKeys, "rowKeys is null");
        requireNonNull(hashdiff, "hashdiff is null");
        requireNonNull(diffColumns, "diffColumns is null");
        requireNonNull(identityHub, "identityHub is null");
    }

    String parentKey()
    {
        return keys.getFirst();
    }
}
