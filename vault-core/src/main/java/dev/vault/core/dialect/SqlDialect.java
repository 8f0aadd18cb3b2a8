package dev.vault.core.dialect;

import com.google.common.collect.ImmutableList;

import java.util.Optional;

/**
 * What vault-core needs to know of the engine's SQL to validate a model while it loads: the
 * column types it may declare, and the column names an expression refers to. vault-core keeps
 * the rules (a derived column must name existing columns, a load timestamp must be a timestamp)
 * and asks the dialect for the text; the Trino dialect lives in vault-sql.
 */
public interface SqlDialect
{
    /** A type as written in a model, normalized so equal types compare equal, e.g. case and spaces. */
    String normalizeType(String type);

    /** Whether a column of this (normalized) type can be declared: the engine can store it in Iceberg. */
    boolean isStorableType(String type);

    /** What to write instead of a type that is not storable, e.g. "use one of: ...". */
    String storableTypesHint();

    /** The family of a (normalized) type, for rules that care only of that: timestamps, dates, numbers. */
    TypeFamily typeFamily(String type);

    /** The type of text columns: a derived column without a type, record sources, normalized identity parts. */
    String textType();

    /** The type of hash keys and hashdiffs. */
    String hashType();

    /** The type of {@code load_datetime} and of snapshot times. */
    String loadTimestampType();

    /**
     * The column names an expression refers to, with their offsets in it: a lexer's answer, so a
     * typo in a derived column is reported when the project loads, with its place.
     */
    ImmutableList<ExpressionReference> columnReferences(String expression);

    /**
     * Why an expression cannot be pasted into a statement, if it cannot: it would end the
     * statement, or swallow the text vault writes after it.
     */
    Optional<String> unsafeExpression(String expression);
}
