package dev.vault.runner.docs;

import dev.vault.runner.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML of {@code vault docs}, read as text: what is on each page and how the pages link. */
class TestDocsSite
{
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    @TempDir
    Path directory;

    @Test
    void writesAnIndexAndOnePagePerModel()
            throws IOException
    {
        Path site = directory.resolve("site");
        DocsResult result;
        try (Vault vault = TestingDocsProject.load(directory.resolve("project"), true)) {
            result = vault.docs(site);
        }

        assertThat(result.index()).isEqualTo(site.toAbsolutePath().resolve("index.html"));
        assertThat(result.pages()).containsExactly(
                site.toAbsolutePath().resolve("index.html"),
                site.toAbsolutePath().resolve("models/customers.html"),
                site.toAbsolutePath().resolve("models/stg_customers.html"),
                site.toAbsolutePath().resolve("models/hub_customer.html"),
                site.toAbsolutePath().resolve("models/sat_customer.html"),
                site.toAbsolutePath().resolve("models/mart_customers.html"));
        String index = read(result.index());
        assertThat(index)
                .contains("<h1>fixture</h1>")
                .containsSubsequence("<h3>Bronze", "customers", "<h3>Staging", "stg_customers", "<h3>Silver", "hub_customer", "sat_customer", "<h3>Gold", "mart_customers")
                // last run summary
                .contains("<span class=\"mono\">vault build</span> started 2026-11-21 08:00:00 UTC")
                .contains("<div class=\"value\">1,237</div><div class=\"label\">rows written</div>")
                .contains("<div class=\"value\">1</div><div class=\"label\">failed</div>");
    }

    @Test
    void escapesWhatTheProjectSays()
            throws IOException
    {
        Path site = directory.resolve("site");
        try (Vault vault = TestingDocsProject.load(directory.resolve("project"), true)) {
            vault.docs(site);
        }

        String index = read(site.resolve("index.html"));
        String source = read(site.resolve("models/customers.html"));
        String satellite = read(site.resolve("models/sat_customer.html"));
        String escaped = "&lt;script&gt;document.title=&#39;owned&#39;&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot;";
        assertThat(source).contains("Customers from the CRM. " + escaped);
        assertThat(index).contains(escaped);
        // a column description, and an error message from the run results
        assertThat(source).contains("Id &lt;in&gt; the CRM");
        assertThat(satellite).contains("satellite &#39;sat_customer&#39; failed: &lt;boom&gt;");
        for (String page : new String[] {index, source, satellite}) {
            assertThat(page).doesNotContainIgnoringCase("<script").doesNotContain("<b>").doesNotContain("<boom>");
        }
    }

    @Test
    void everyLinkLeadsToAPageOfTheSite()
            throws IOException
    {
        Path site = directory.resolve("site");
        DocsResult result;
        try (Vault vault = TestingDocsProject.load(directory.resolve("project"), true)) {
            result = vault.docs(site);
        }

        int links = 0;
        for (Path page : result.pages()) {
            Matcher href = HREF.matcher(read(page));
            while (href.find()) {
                // a column link names its row on the model's page: the page exists and has the row
                String[] target = href.group(1).split("#", 2);
                Path linked = page.getParent().resolve(target[0]).normalize();
                assertThat(linked)
                        .as("link %s on %s", href.group(1), page)
                        .isRegularFile();
                if (target.length == 2) {
                    assertThat(read(linked)).as("link %s on %s", href.group(1), page).contains("id=\"" + target[1] + "\"");
                }
                links++;
            }
        }
        assertThat(links).isGreaterThan(20);

        String index = read(site.resolve("index.html"));
        assertThat(index)
                .contains("<a class=\"model-link\" href=\"models/sat_customer.html\">sat_customer</a>")
                .contains("<a href=\"models/hub_customer.html\"><g class=\"node kind-hub\" data-model=\"hub_customer\">");
        String hub = read(site.resolve("models/hub_customer.html"));
        assertThat(hub)
                .contains("<a href=\"../index.html\">fixture</a>")
                .containsSubsequence("id=\"upstream\"", "<a href=\"stg_customers.html\">stg_customers</a>",
                        "id=\"downstream\"", "<a href=\"mart_customers.html\">mart_customers</a>", "<a href=\"sat_customer.html\">sat_customer</a>");
    }

    @Test
    void modelPagesShowColumnsTestsSqlAndLastRun()
            throws IOException
    {
        Path site = directory.resolve("site");
        try (Vault vault = TestingDocsProject.load(directory.resolve("project"), true)) {
            vault.docs(site);
        }

        String hub = read(site.resolve("models/hub_customer.html"));
        assertThat(hub)
                .contains("<td class=\"mono\">hk_customer</td><td class=\"mono\">varchar</td><td>Hash key of customer_id</td>")
                .contains("<td class=\"mono\">customer_id</td><td class=\"mono\">varchar</td><td>Business key</td>")
                .contains("<td class=\"mono\">hub_customer.unique(hk_customer)</td><td>every hash key of the hub appears once")
                .contains("<span class=\"status status-pass\">pass</span>")
                .containsSubsequence("<pre id=\"compiled-sql\">", "CREATE TABLE IF NOT EXISTS &quot;iceberg&quot;.&quot;silver&quot;.&quot;hub_customer&quot;",
                        "INSERT INTO &quot;iceberg&quot;.&quot;silver&quot;.&quot;hub_customer&quot;", "</pre>")
                .contains("<div class=\"value\">1,234</div><div class=\"label\">rows written</div>")
                .contains("<div class=\"value\">1.75 s</div><div class=\"label\">duration</div>");
        // column lineage: one step up, and the bronze column at the end
        assertThat(hub)
                .containsSubsequence("<tr id=\"column-hk_customer\">", "<span class=\"how\">copied</span>",
                        "<a class=\"mono\" href=\"stg_customers.html#column-hk_customer\">stg_customers.hk_customer</a>",
                        "<a class=\"mono\" href=\"customers.html#column-customer_id\">customers.customer_id</a>", "</tr>");
        assertThat(read(site.resolve("models/stg_customers.html")))
                .containsSubsequence("<tr id=\"column-hd_customer\">", "hashdiff of email", "stg_customers.html#column-email", "customers.html#column-email", "</tr>");
        // a mart's columns are the ones its query selects, traced to the hub's
        assertThat(read(site.resolve("models/mart_customers.html")))
                .containsSubsequence("<tr id=\"column-customer_id\">", "hub_customer.html#column-customer_id", "customers.html#column-customer_id", "</tr>");
        // a payload column is described as its source describes it
        assertThat(read(site.resolve("models/sat_customer.html")))
                .contains("<td class=\"mono\">email</td><td class=\"mono\">varchar</td><td>Their email, e.g. a@b.com</td>")
                .contains("sat_customer.hk_customer in hub_customer");
        assertThat(read(site.resolve("models/mart_customers.html")))
                .contains("materialized as a table")
                .contains("CREATE OR REPLACE TABLE &quot;iceberg&quot;.&quot;gold&quot;.&quot;mart_customers&quot;")
                .contains("<span class=\"status status-skipped\">skipped</span>");
        assertThat(read(site.resolve("models/customers.html")))
                .doesNotContain("compiled-sql")
                .contains("never writes it");
    }

    @Test
    void worksWithoutRunResultsAndRemovesPagesOfRemovedModels()
            throws IOException
    {
        Path site = directory.resolve("site");
        Files.createDirectories(site.resolve("models"));
        Files.writeString(site.resolve("models/hub_removed_since.html"), "old");
        Files.writeString(site.resolve(DocsSite.MANIFEST), "models/hub_removed_since.html\n");
        Files.writeString(site.resolve("notes.html"), "not written by vault");
        try (Vault vault = TestingDocsProject.load(directory.resolve("project"), false)) {
            vault.docs(site);
        }

        assertThat(site.resolve("models/hub_removed_since.html")).doesNotExist();
        assertThat(site.resolve("notes.html")).hasContent("not written by vault");
        assertThat(read(site.resolve("index.html"))).contains("No run results yet");
        assertThat(read(site.resolve("models/hub_customer.html"))).contains("No run results yet.");
        assertThat(site.resolve(DocsSite.MANIFEST)).content().contains("index.html").doesNotContain("hub_removed_since");
    }

    private static String read(Path file)
            throws IOException
    {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
