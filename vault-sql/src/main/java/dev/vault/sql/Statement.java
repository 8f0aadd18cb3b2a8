package dev.vault.sql;

import dev.vault.core.model.TableName;

import static java.util.Objects.requireNonNull;

/** One SQL statement of a plan, with the model it belongs to and the table or view it writes. */
public record Statement(String model, Kind kind, TableName target, String sql)
{
    public enum Kind
    {
        /** CREATE SCHEMA IF NOT EXISTS */
        SCHEMA,
        /** CREATE TABLE IF NOT EXISTS */
        CREATE_TABLE,
        /** CREATE OR REPLACE VIEW */
        VIEW,
        /** An insert-only incremental load (hub, link, satellite) */
        LOAD,
        /** Inserts a satellite's ghost record when it is missing */
        GHOST,
        /** Records the staged rows a load leaves out, with the reason (null-keys: reject) */
        REJECT,
        /** Records the staged rows with different payloads for one key at one load time, which the load leaves out (conflicts: set-aside) */
        CONFLICTS,
        /** A whole-table atomic replace (seed, table mart) */
        REPLACE,
        /** Sets a table's comment, which carries the fingerprint of its last build */
        COMMENT
    }

    public Statement
    {
        requireNonNull(model, "model is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(target, "target is null");
        requireNonNull(sql, "sql is null");
    }
}
