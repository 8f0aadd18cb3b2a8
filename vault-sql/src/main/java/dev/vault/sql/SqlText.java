package dev.vault.sql;

import dev.vault.core.model.Identifiers;
import dev.vault.core.model.TableName;

/**
 * The only places where model text becomes SQL text: identifiers are validated then quoted,
 * string values become literals with quotes doubled. Templates call these through {@link Templates}.
 */
public final class SqlText
{
    private SqlText() {}

    public static String identifier(String name)
    {
        if (!Identifiers.isValid(name)) {
            throw new IllegalArgumentException("not a valid identifier: " + name);
        }
        return '"' + name + '"';
    }

    /** Names vault makes up inside a statement; the '$' keeps them apart from any model name. */
    public static String internalIdentifier(String name)
    {
        if (!name.matches("[a-z_][a-z0-9_]*\\$[a-z0-9_]+")) {
            throw new IllegalArgumentException("not an internal identifier: " + name);
        }
        return '"' + name + '"';
    }

    public static String table(TableName name)
    {
        return identifier(name.catalog()) + "." + identifier(name.schema()) + "." + identifier(name.table());
    }

    /** An Iceberg metadata table such as {@code "t$snapshots"}. */
    public static String metadataTable(TableName name, String suffix)
    {
        if (!suffix.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a metadata table: " + suffix);
        }
        return identifier(name.catalog()) + "." + identifier(name.schema()) + ".\"" + name.table() + "$" + suffix + '"';
    }

    public static String literal(String value)
    {
        StringBuilder literal = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                literal.append("''");
            }
            else if (c == '\0') {
                // Trino rejects NUL inside a literal; U&'' escapes would work but NUL is never valid text data
                throw new IllegalArgumentException("value contains a NUL character");
            }
            else {
                literal.append(c);
            }
        }
        return literal.append('\'').toString();
    }

    /** Text safe inside a one-line SQL comment. */
    public static String comment(String text)
    {
        return text.replaceAll("[\\r\\n]+", " ").replace("*/", "* /");
    }
}
