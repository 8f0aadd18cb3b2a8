package dev.vault.embedded.conformance;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The Data Vault loading rules (docs/loading-rules), one scenario file each, per entity kind: see
 * src/test/resources/conformance/README.md for the format and {@link ConformanceSuite} for how
 * they run.
 */
class TestConformance
{
    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicNode> hub()
    {
        return ConformanceSuite.run("hub", temp);
    }

    @TestFactory
    Stream<DynamicNode> link()
    {
        return ConformanceSuite.run("link", temp);
    }

    @TestFactory
    Stream<DynamicNode> satellite()
    {
        return ConformanceSuite.run("satellite", temp);
    }

    /** Snapshot control tables, point-in-time tables and bridges, on one project. */
    @TestFactory
    Stream<DynamicNode> pitAndBridge()
    {
        return ConformanceSuite.run("pit-bridge", temp);
    }

    @TestFactory
    Stream<DynamicNode> nonHistorizedLink()
    {
        return ConformanceSuite.run("non-historized-link", temp);
    }

    @TestFactory
    Stream<DynamicNode> sameAsLink()
    {
        return ConformanceSuite.run("same-as-link", temp);
    }

    @TestFactory
    Stream<DynamicNode> multiActiveSatellite()
    {
        return ConformanceSuite.run("multi-active-satellite", temp);
    }

    @TestFactory
    Stream<DynamicNode> effectivitySatellite()
    {
        return ConformanceSuite.run("effectivity-satellite", temp);
    }

    @TestFactory
    Stream<DynamicNode> recordTrackingSatellite()
    {
        return ConformanceSuite.run("record-tracking-satellite", temp);
    }

    /** Landing tables with several systems' rows: a record source per row, the unknown member's key, conflicts between systems. */
    @TestFactory
    Stream<DynamicNode> landing()
    {
        return ConformanceSuite.run("landing", temp);
    }

    @TestFactory
    Stream<DynamicNode> referenceTable()
    {
        return ConformanceSuite.run("reference-table", temp);
    }

    @TestFactory
    Stream<DynamicNode> satelliteViews()
    {
        return ConformanceSuite.run("satellite-views", temp);
    }
}
