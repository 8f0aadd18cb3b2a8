package dev.vault.sql.kind;

import dev.vault.sql.TableDefinition;

import static java.util.Objects.requireNonNull;

/**
 * A column of a CREATE TABLE, as {@code table.ftl} writes it. A {@code key} column identifies
 * rows even when nullable (a business key, a multi-active key), so it is never added to an
 * existing table.
 */
public record ColumnSpec(String name, String type, boolean notNull, boolean key, String comment)
{
    public ColumnSpec
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type of " + name + " is null");
        requireNonNull(comment, "comment is null");
    }

    public static ColumnSpec of(String name, String type, boolean notNull, String comment)
    {
        return new ColumnSpec(name, type, notNull, false, comment);
    }

    public ColumnSpec asKey()
    {
        return new ColumnSpec(name, type, notNull, true, comment);
    }

    TableDefinition.TableColumn definition()
    {
        return new TableDefinition.TableColumn(name, type, notNull || key, comment);
    }
}
