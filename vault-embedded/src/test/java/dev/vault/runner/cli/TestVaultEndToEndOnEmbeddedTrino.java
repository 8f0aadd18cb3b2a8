package dev.vault.runner.cli;

import dev.vault.embedded.TestingVaultEngine;

/** The end-to-end suite on the shared embedded engine: runs everywhere, Docker or not. */
class TestVaultEndToEndOnEmbeddedTrino
        extends AbstractTestVaultEndToEnd
{
    @Override
    protected String jdbcUrl()
    {
        return TestingVaultEngine.jdbcUrl();
    }

    @Override
    protected String schemaSuffix()
    {
        return "e2e";
    }
}
