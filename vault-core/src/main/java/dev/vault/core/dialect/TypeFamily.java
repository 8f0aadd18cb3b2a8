package dev.vault.core.dialect;

/** The families of column types that model rules (seed values, load timestamps) distinguish. */
public enum TypeFamily
{
    INTEGER,
    /** Decimal and floating point numbers. */
    DECIMAL,
    BOOLEAN,
    DATE,
    TIMESTAMP,
    TIMESTAMP_WITH_TIME_ZONE,
    OTHER;

    public boolean isTimestamp()
    {
        return this == TIMESTAMP || this == TIMESTAMP_WITH_TIME_ZONE;
    }
}
