package dev.vault.runner.cli;

import org.testcontainers.images.builder.Transferable;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.trino.TrinoContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The end-to-end suite on the released Trino server, the version vault is built against, in a
 * container; skipped where Docker is not running.
 */
@Testcontainers(disabledWithoutDocker = true)
class TestVaultEndToEndOnTrinoContainer
        extends AbstractTestVaultEndToEnd
{
    /**
     * An Iceberg catalog on the container's own disk, configured as EmbeddedTrino configures
     * its catalog: the file metastore needs no other service. The local file system's root must
     * be an existing folder the server's user can write.
     */
    private static final String ICEBERG_CATALOG = """
            connector.name=iceberg
            iceberg.catalog.type=TESTING_FILE_METASTORE
            hive.metastore.catalog.dir=local:///
            fs.local.enabled=true
            local.location=/tmp
            """;

    @Container
    private static final TrinoContainer TRINO = new TrinoContainer(DockerImageName.parse("trinodb/trino:483"))
            .withDatabaseName("iceberg")
            .withCopyToContainer(Transferable.of(ICEBERG_CATALOG), "/etc/trino/catalog/iceberg.properties");

    @Override
    protected String jdbcUrl()
    {
        return TRINO.getJdbcUrl();
    }

    @Override
    protected String schemaSuffix()
    {
        return "container";
    }
}
