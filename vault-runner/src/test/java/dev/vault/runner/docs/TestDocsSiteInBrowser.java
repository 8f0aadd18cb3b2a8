package dev.vault.runner.docs;

import dev.vault.runner.Vault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The documentation site as a person sees it, in headless Chromium driven by the system's
 * chromedriver (Debian: {@code apt-get install chromium chromium-driver}); Selenium Manager never
 * runs, nothing is downloaded. Fails when they are missing, unless {@code -Dvault.skipBrowserTests=true}.
 * Screenshots are left in target/docs-browser/ for a look.
 */
class TestDocsSiteInBrowser
{
    private static final Path CHROMIUM = Path.of(System.getProperty("vault.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("vault.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "docs-browser");

    @TempDir
    static Path directory;

    private static ChromeDriverService service;
    private static ChromeDriver browser;
    private static DocsResult site;
    // the examples whose kinds the picture must colour, by project folder in the repository
    private static final Map<String, DocsResult> examples = new LinkedHashMap<>();
    private static final Map<String, Set<String>> exampleKinds = new LinkedHashMap<>();

    @BeforeAll
    static void startBrowser()
            throws IOException
    {
        if (Boolean.getBoolean("vault.skipBrowserTests")) {
            Assumptions.abort("browser tests skipped: -Dvault.skipBrowserTests=true");
        }
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail(("the browser tests need Chromium and its driver at %s and %s, which are missing: install them " +
                    "(Debian: apt-get install -y chromium chromium-driver), point -Dvault.chromium= and -Dvault.chromedriver= at them, " +
                    "or skip these tests with -Dvault.skipBrowserTests=true").formatted(CHROMIUM, CHROMEDRIVER));
        }
        try (Vault vault = TestingDocsProject.load(directory.resolve("project"), true)) {
            site = vault.docs(directory.resolve("site"));
        }
        // every kind of the raw vault, and the query assistance tables of this repository's own vault
        for (String project : List.of("examples/toolbox", ".")) {
            Path folder = directory.resolve(project.equals(".") ? "leads" : "toolbox");
            try (Vault vault = TestingDocsProject.example(project, folder.resolve("project"))) {
                exampleKinds.put(project, vault.project().models().values().stream().map(model -> model.kind().displayName()).collect(Collectors.toSet()));
                examples.put(project, vault.docs(folder.resolve("site")));
            }
        }
        // a driver given by path: Selenium Manager is skipped, nothing is downloaded
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                // without these Chromium reaches for the network, which is closed here
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(directory.resolve("chromium-profile")),
                "--window-size=1280,1600");
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser()
    {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @BeforeEach
    void openIndex()
    {
        browser.get(site.index().toUri().toString());
    }

    @Test
    void indexListsTheModelsByLayerWithTheLastRun()
            throws IOException
    {
        screenshot("index.png");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("fixture");
        // the hostile description shows as text and its script never ran
        assertThat(browser.getTitle()).isEqualTo("fixture · vault docs");
        assertThat(row("customers").getText())
                .isEqualTo("customers source Customers from the CRM. " + TestingDocsProject.HOSTILE + " success · 3 rows · 0.50 s");
        assertThat(row("hub_customer").getText()).isEqualTo("hub_customer hub One row per customer. success · 1,234 rows · 1.75 s");
        assertThat(row("sat_customer").getText()).isEqualTo("sat_customer satellite History of a customer's email. failed · 0.50 s");
        assertThat(browser.findElements(By.tagName("h3")).stream().map(WebElement::getText))
                .containsExactly("Bronze (schema bronze)", "Staging (schema silver)", "Silver (schema silver)", "Gold (schema gold)");
        assertThat(browser.findElement(By.id("last-run")).getText()).isEqualTo("Last run");
        assertThat(browser.findElement(By.cssSelector(".figures")).getText())
                .contains("1\nfailed")
                .contains("1\nskipped")
                .contains("3\nsuccess")
                .contains("1,237\nrows written")
                .contains("1\ntests pass");
    }

    @Test
    void dagPictureHasABoxPerModelReadingLeftToRight()
    {
        WebElement picture = browser.findElement(By.id("dag-picture"));
        assertThat(picture.isDisplayed()).isTrue();
        assertThat(picture.getSize().getWidth()).isPositive();
        assertThat(picture.getSize().getHeight()).isPositive();

        Map<String, WebElement> boxes = picture.findElements(By.cssSelector("g.node")).stream()
                .collect(Collectors.toMap(node -> node.getDomAttribute("data-model"), Function.identity()));
        assertThat(boxes).containsOnlyKeys("customers", "stg_customers", "hub_customer", "sat_customer", "mart_customers");
        for (Map.Entry<String, WebElement> box : boxes.entrySet()) {
            WebElement rectangle = box.getValue().findElement(By.tagName("rect"));
            WebElement label = box.getValue().findElement(By.tagName("text"));
            assertThat(rectangle.isDisplayed()).isTrue();
            assertThat(label.getText()).isEqualTo(box.getKey());
            Rectangle drawn = rectangle.getRect();
            assertThat(drawn.getWidth()).isPositive();
            assertThat(drawn.getHeight()).isPositive();
            // the layout estimated the text's width: the real font's text must fit in its box
            Rectangle text = label.getRect();
            assertThat(text.getX()).as("left of %s", box.getKey()).isGreaterThanOrEqualTo(drawn.getX());
            assertThat(text.getX() + text.getWidth()).as("right of %s", box.getKey()).isLessThanOrEqualTo(drawn.getX() + drawn.getWidth());
        }
        // every arrow points right: a model's box is right of the boxes of what it reads
        assertThat(x(boxes, "customers")).isLessThan(x(boxes, "stg_customers"));
        assertThat(x(boxes, "stg_customers")).isLessThan(x(boxes, "hub_customer"));
        assertThat(x(boxes, "hub_customer")).isLessThan(x(boxes, "sat_customer"));
        assertThat(x(boxes, "hub_customer")).isLessThan(x(boxes, "mart_customers"));
        assertThat(picture.findElements(By.cssSelector("path.edge"))).hasSize(5);
    }

    @Test
    void clickingAModelOpensItsPageWithItsSql()
            throws IOException
    {
        browser.findElement(By.linkText("hub_customer")).click();

        assertThat(browser.getCurrentUrl()).endsWith("/models/hub_customer.html");
        screenshot("hub_customer.png");
        assertThat(browser.findElement(By.id("model-name")).getText()).isEqualTo("hub_customer");
        assertThat(browser.findElement(By.id("description")).getText()).isEqualTo("One row per customer.");
        WebElement sql = browser.findElement(By.id("compiled-sql"));
        assertThat(sql.isDisplayed()).isTrue();
        assertThat(sql.getText())
                .contains("CREATE TABLE IF NOT EXISTS \"iceberg\".\"silver\".\"hub_customer\"")
                .contains("INSERT INTO \"iceberg\".\"silver\".\"hub_customer\"");
        assertThat(browser.findElement(By.cssSelector("table.columns")).getText())
                .contains("hk_customer varchar Hash key of customer_id")
                .contains("customer_id varchar Business key");
        assertThat(browser.findElement(By.cssSelector("table.tests")).getText())
                .contains("hub_customer.unique(hk_customer) every hash key of the hub appears once")
                .contains("pass");
        assertThat(browser.findElement(By.cssSelector(".figures")).getText()).isEqualTo("success\nstatus\n1,234\nrows written\n1.75 s\nduration");

        // upstream, then back to the index from the header
        browser.findElement(By.id("upstream")).findElement(By.linkText("stg_customers")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/models/stg_customers.html");
        assertThat(browser.findElement(By.id("compiled-sql")).getText()).contains("CREATE OR REPLACE VIEW \"iceberg\".\"silver\".\"stg_customers\"");
        browser.findElement(By.linkText("fixture")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/index.html");
    }

    @Test
    void clickingABoxOfThePictureOpensThatModel()
    {
        browser.findElement(By.cssSelector("#dag-picture g.node[data-model='sat_customer']")).click();

        assertThat(browser.getCurrentUrl()).endsWith("/models/sat_customer.html");
        assertThat(browser.findElement(By.id("model-name")).getText()).isEqualTo("sat_customer");
        assertThat(browser.findElement(By.cssSelector("pre.error")).getText()).isEqualTo("satellite 'sat_customer' failed: <boom>");
        assertThat(browser.findElement(By.cssSelector("table.columns")).getText()).contains("email varchar Their email, e.g. a@b.com");
    }

    @Test
    void everyKindOfTheExamplesIsDrawnInItsOwnLegibleColours()
            throws IOException
    {
        for (Map.Entry<String, DocsResult> example : examples.entrySet()) {
            String project = example.getKey();
            browser.get(example.getValue().index().toUri().toString());
            screenshot((project.equals(".") ? "leads" : "toolbox") + "-index.png");

            // the boxes of the picture: a kind without a colour is drawn black, its name unreadable
            Map<String, Colours> boxFills = new HashMap<>();
            List<WebElement> nodes = browser.findElements(By.cssSelector("#dag-picture g.node"));
            assertThat(nodes).as("boxes of %s", project).isNotEmpty();
            for (WebElement node : nodes) {
                String model = node.getDomAttribute("data-model");
                String kind = node.findElement(By.tagName("title")).getAttribute("textContent").replace(" " + model, "");
                Colours fill = computed(node.findElement(By.tagName("rect")), "fill");
                Colours stroke = computed(node.findElement(By.tagName("rect")), "stroke");
                Colours text = computed(node.findElement(By.tagName("text")), "fill");
                String what = "%s %s of %s".formatted(kind, model, project);
                assertThat(fill).as("fill of %s", what).isNotEqualTo(Colours.BLACK).isNotEqualTo(Colours.WHITE);
                assertThat(stroke).as("outline of %s", what).isNotEqualTo(Colours.BLACK).isNotEqualTo(fill);
                assertThat(Colours.contrast(text, fill)).as("contrast of the name of %s (%s on %s)", what, text, fill).isGreaterThanOrEqualTo(4.5);
                Colours previous = boxFills.put(kind, fill);
                assertThat(previous == null || previous.equals(fill)).as("every %s the same colour", kind).isTrue();
            }
            assertThat(boxFills.keySet()).as("kinds drawn for %s", project).containsExactlyInAnyOrderElementsOf(exampleKinds.get(project));
            assertThat(boxFills.values().stream().distinct()).as("each kind of %s its own fill: %s", project, boxFills).hasSize(boxFills.size());

            // the badges of the model lists and the legend show the same colours as the boxes
            List<WebElement> badges = browser.findElements(By.cssSelector("span.kind"));
            assertThat(badges).isNotEmpty();
            Set<String> badgeKinds = new HashSet<>();
            for (WebElement badge : badges) {
                String kind = badge.getText();
                Colours background = computed(badge, "background-color");
                Colours text = computed(badge, "color");
                assertThat(background).as("badge of %s in %s", kind, project).isNotEqualTo(Colours.WHITE).isNotEqualTo(Colours.BLACK);
                assertThat(Colours.contrast(text, background)).as("contrast of the badge of %s (%s on %s)", kind, text, background).isGreaterThanOrEqualTo(4.5);
                if (boxFills.containsKey(kind)) {
                    assertThat(background).as("badge and box of %s", kind).isEqualTo(boxFills.get(kind));
                }
                badgeKinds.add(kind);
            }
            assertThat(badgeKinds).containsAll(exampleKinds.get(project));
        }
    }

    /** A colour as Chromium computed it for the element, after the stylesheet and its variables. */
    private static Colours computed(WebElement element, String property)
    {
        Object value = browser.executeScript("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1])", element, property);
        return Colours.parse(String.valueOf(value));
    }

    private static WebElement row(String model)
    {
        return browser.findElement(By.cssSelector("tr[data-model='" + model + "']"));
    }

    private static int x(Map<String, WebElement> boxes, String model)
    {
        return boxes.get(model).findElement(By.tagName("rect")).getRect().getX();
    }

    private static void screenshot(String name)
            throws IOException
    {
        // the whole page: grow the window to the document's height first
        Object height = browser.executeScript("return document.documentElement.scrollHeight");
        Dimension previous = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(previous.getWidth(), Math.max(previous.getHeight(), ((Number) height).intValue() + 120)));
        File file = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(previous);
    }
}
