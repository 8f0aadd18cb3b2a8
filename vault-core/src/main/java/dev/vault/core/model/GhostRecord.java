package dev.vault.core.model;

/**
 * The ghost record every satellite holds (when the project's {@code loading: ghost-records} is on):
 * its parent key is the project's zero key, it is loaded at the beginning of time by the
 * {@code SYSTEM} record source, and its hashdiff is the zero key too. Point-in-time tables point
 * at it when a key has no row yet in a satellite, so joins through them never lose a row.
 */
public final class GhostRecord
{
    /** A Trino timestamp literal's text: the load time of every ghost row. */
    public static final String LOAD_DATETIME = "0001-01-01 00:00:00.000000 UTC";
    public static final String RECORD_SOURCE = "SYSTEM";

    private GhostRecord() {}
}
