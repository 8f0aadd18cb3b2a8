package dev.vault.core.dialect;

import static java.util.Objects.requireNonNull;

/** A name an expression uses as a column, and its character offset in the expression. */
public record ExpressionReference(String name, int offset)
{
    public ExpressionReference
    {
        requireNonNull(name, "name is null");
    }
}
