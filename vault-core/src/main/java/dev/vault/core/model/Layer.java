package dev.vault.core.model;

/** Medallion layers; each maps to a schema of the project's catalog in vault.yml. */
public enum Layer
{
    BRONZE, STAGING, SILVER, GOLD
}
