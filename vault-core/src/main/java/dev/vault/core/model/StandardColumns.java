package dev.vault.core.model;

/** Columns every staging view and every hub, link and satellite has, whatever the model says. */
public final class StandardColumns
{
    public static final String LOAD_DATETIME = "load_datetime";
    public static final String RECORD_SOURCE = "record_source";

    private StandardColumns() {}
}
