package dev.vault.runner.docs;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.model.Column;
import dev.vault.core.model.Layer;
import dev.vault.core.model.Mart;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Project;
import dev.vault.runner.Artifacts;
import dev.vault.sql.DataTest;
import dev.vault.sql.ModelPlan;
import dev.vault.sql.Plan;
import dev.vault.sql.PlanScript;
import dev.vault.sql.TrinoCompiler;
import dev.vault.sql.lineage.ColumnLineage;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A static HTML site documenting a project: an index (models by layer, the DAG as an SVG picture,
 * the last run) and a page per model (description, columns, data tests, upstream and downstream
 * models, compiled SQL, last run figures). Needs no engine, and the pages need nothing but a
 * browser: no script, no external font or stylesheet, so they work from file:// offline.
 * Everything a project says is HTML-escaped by the templates (FreeMarker's HTML output format).
 */
public final class DocsSite
{
    /** The list of pages an earlier {@code vault docs} wrote, kept in the folder it wrote them to. */
    public static final String MANIFEST = ".vault-docs";
    public static final String INDEX = "index.html";
    static final String MODEL_FOLDER = "models";
    private static final int SHORT_DESCRIPTION = 160;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Project project;
    private final Optional<Artifacts.RunResults> lastRun;
    private final TrinoCompiler compiler;
    private final Configuration templates;

    public DocsSite(Project project, Optional<Artifacts.RunResults> lastRun)
    {
        this.project = requireNonNull(project, "project is null");
        this.lastRun = requireNonNull(lastRun, "lastRun is null");
        this.compiler = new TrinoCompiler(project);
        this.templates = new Configuration(Configuration.VERSION_2_3_34);
        templates.setClassForTemplateLoading(DocsSite.class, "/dev/vault/runner/docs");
        templates.setDefaultEncoding("UTF-8");
        templates.setOutputFormat(HTMLOutputFormat.INSTANCE);
        templates.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        templates.setLogTemplateExceptions(false);
        templates.setWrapUncheckedExceptions(true);
        templates.setNumberFormat("computer");
    }

    /** The pages, by path relative to the site's folder, index first; nothing is written. */
    public ImmutableMap<String, String> render()
    {
        Plan plan = compiler.compile();
        ImmutableList<DataTest> tests = compiler.integrityTests();
        Map<String, Map<String, Object>> modelRuns = modelRuns();
        Map<String, Map<String, Object>> testRuns = testRuns();
        ColumnLineage lineage = ColumnLineage.of(project, plan);

        ImmutableMap.Builder<String, String> pages = ImmutableMap.builder();
        pages.put(INDEX, render("index.ftlh", index(modelRuns)));
        for (ModelPlan model : plan.models().values()) {
            pages.put(page(model.model().name()), render("model.ftlh", modelPage(model, tests, modelRuns, testRuns, lineage)));
        }
        return pages.buildOrThrow();
    }

    /**
     * Writes the site into {@code folder}. Every page is rendered before any is written; the pages
     * an earlier run wrote there (listed in {@value #MANIFEST}) are removed first, so a removed
     * model's page goes too, and nothing else in the folder is touched.
     */
    public DocsResult write(Path folder)
    {
        ImmutableMap<String, String> pages = render();
        Path root = folder.toAbsolutePath().normalize();
        Path manifest = root.resolve(MANIFEST);
        try {
            if (Files.isRegularFile(manifest)) {
                for (String file : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                    Path old = root.resolve(file).normalize();
                    if (!file.isBlank() && old.startsWith(root) && old.toString().endsWith(".html")) {
                        Files.deleteIfExists(old);
                    }
                }
            }
            ImmutableList.Builder<Path> written = ImmutableList.builder();
            for (Map.Entry<String, String> page : pages.entrySet()) {
                Path file = root.resolve(page.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
                written.add(file);
            }
            Files.write(manifest, pages.keySet(), StandardCharsets.UTF_8);
            return new DocsResult(root, root.resolve(INDEX), written.build());
        }
        catch (IOException e) {
            throw new VaultException(ErrorCode.INTERNAL, "cannot write the documentation site to %s: %s".formatted(folder, e.getMessage()), e);
        }
    }

    /** A model's page, relative to the site's folder. Model names are identifiers ([a-z_][a-z0-9_]*), safe as file names. */
    static String page(String model)
    {
        return MODEL_FOLDER + "/" + model + ".html";
    }

    private Map<String, Object> index(Map<String, Map<String, Object>> modelRuns)
    {
        List<Map<String, Object>> layers = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            List<Map<String, Object>> models = new ArrayList<>();
            for (Model model : project.inBuildOrder()) {
                if (model.kind().layer() != layer) {
                    continue;
                }
                Map<String, Object> entry = summary(model, "");
                entry.put("description", shorten(model.description()));
                Optional.ofNullable(modelRuns.get(model.name())).ifPresent(run -> entry.put("run", run));
                models.add(entry);
            }
            if (!models.isEmpty()) {
                layers.add(Map.of("name", title(layer.name()), "schema", project.config().schema(layer), "models", models));
            }
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("project", project.config().name());
        index.put("modelCount", project.models().size());
        index.put("layers", layers);
        index.put("dag", dag());
        index.put("kinds", kinds());
        lastRun.ifPresent(run -> index.put("run", runSummary(run)));
        return index;
    }

    private Map<String, Object> dag()
    {
        DagLayout layout = DagLayout.of(project);
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (DagLayout.Node node : layout.nodes()) {
            nodes.add(Map.of(
                    "name", node.name(),
                    "kind", kind(node.kind()),
                    "href", page(node.name()),
                    "x", node.x(),
                    "y", node.y(),
                    "width", node.width(),
                    "height", node.height(),
                    "textX", node.x() + node.width() / 2,
                    "textY", node.y() + node.height() / 2));
        }
        List<Map<String, Object>> edges = layout.edges().stream()
                .map(edge -> Map.<String, Object>of("from", edge.from(), "to", edge.to(), "path", edge.path()))
                .toList();
        return Map.of("width", layout.width(), "height", layout.height(), "fontSize", DagLayout.FONT_SIZE, "nodes", nodes, "edges", edges);
    }

    private static List<Map<String, Object>> kinds()
    {
        return Arrays.stream(ModelKind.values()).map(DocsSite::kind).toList();
    }

    /** A kind as the templates show it: its words, and the CSS class that gives it its colours. */
    private static Map<String, Object> kind(ModelKind kind)
    {
        return Map.of("name", kind.displayName(), "css", kindClass(kind));
    }

    /**
     * The CSS class of a kind's badges and boxes: {@code kind-hub}, {@code kind-snapshot-control}.
     * Never built from the display name, whose spaces would split it into several classes, none
     * with a colour (an SVG box without a fill is drawn black).
     */
    static String kindClass(ModelKind kind)
    {
        return "kind-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Map<String, Object> modelPage(ModelPlan plan, List<DataTest> tests, Map<String, Map<String, Object>> modelRuns, Map<String, Map<String, Object>> testRuns,
            ColumnLineage lineage)
    {
        Model model = plan.model();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("project", project.config().name());
        page.put("index", "../" + INDEX);
        page.put("name", model.name());
        page.put("kind", kind(model.kind()));
        page.put("layer", title(model.kind().layer().name()));
        page.put("table", plan.target().toString());
        page.put("location", model.location().toString());
        page.put("description", model.description().strip());
        page.put("tags", ImmutableList.sortedCopyOf(project.tags(model.name())));
        if (model instanceof Mart mart) {
            page.put("materialized", mart.materialized().name().toLowerCase(Locale.ROOT));
        }
        page.put("columns", columns(model, lineage));
        lineage.untraced(model.name()).ifPresent(reason -> page.put("lineageUntraced", reason));
        page.put("upstream", project.graph().parents(model.name()).stream().sorted().map(name -> summary(project.model(name), "")).toList());
        page.put("downstream", project.graph().children(model.name()).stream().sorted().map(name -> summary(project.model(name), "")).toList());
        List<Map<String, Object>> modelTests = new ArrayList<>();
        for (DataTest test : tests) {
            if (test.model().equals(model.name())) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", test.name());
                entry.put("description", test.description());
                entry.put("sql", test.sql().strip());
                Optional.ofNullable(testRuns.get(test.name())).ifPresent(run -> entry.put("run", run));
                modelTests.add(entry);
            }
        }
        page.put("tests", modelTests);
        sql(plan).ifPresent(sql -> page.put("sql", sql));
        Optional.ofNullable(modelRuns.get(model.name())).ifPresent(run -> page.put("run", run));
        lastRun.ifPresent(run -> page.put("lastRun", Map.of("command", nullToEmpty(run.command()), "startedAt", time(run.startedAt()))));
        return page;
    }

    /** The SQL {@code vault compile} writes for the model; sources have none, vault only reads them. */
    private Optional<String> sql(ModelPlan plan)
    {
        String script = PlanScript.of(plan);
        return script.isEmpty() ? Optional.empty() : Optional.of(script.strip());
    }

    /** A link to a model, from a page in {@code prefix} relative to the site's folder. */
    private static Map<String, Object> summary(Model model, String prefix)
    {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", model.name());
        summary.put("kind", kind(model.kind()));
        // model pages link to each other within their folder; the index links into it
        summary.put("href", prefix + model.name() + ".html");
        summary.put("indexHref", page(model.name()));
        return summary;
    }

    /**
     * The model's columns with their lineage: what each holds, the columns one step up it is
     * computed from and the bronze columns at the end, each linked to its model's page. A mart's
     * columns are the ones its query was traced to select, without types.
     */
    private List<Map<String, Object>> columns(Model model, ColumnLineage lineage)
    {
        Map<String, ColumnLineage.Entry> traced = new LinkedHashMap<>();
        lineage.columns(model.name()).forEach(entry -> traced.put(entry.column(), entry));
        List<Map<String, Object>> columns = new ArrayList<>();
        if (model instanceof Mart) {
            traced.values().forEach(entry -> columns.add(column(entry.column(), "", "", Optional.of(entry))));
        }
        else {
            for (Column column : compiler.columns(model)) {
                columns.add(column(column.name(), column.type(), column.description().strip(), Optional.ofNullable(traced.get(column.name()))));
            }
        }
        return columns;
    }

    private Map<String, Object> column(String name, String type, String description, Optional<ColumnLineage.Entry> lineage)
    {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("name", name);
        column.put("type", type);
        column.put("description", description);
        column.put("how", lineage.map(ColumnLineage.Entry::how).orElse(""));
        column.put("inputs", lineage.map(entry -> columnLinks(entry.inputs())).orElse(List.of()));
        column.put("bronze", lineage.map(entry -> columnLinks(entry.bronze())).orElse(List.of()));
        return column;
    }

    /** Links to columns on their models' pages; a column of a table that is not a model (an identity hub's records map) has none. */
    private List<Map<String, Object>> columnLinks(List<ColumnLineage.ColumnRef> columns)
    {
        return columns.stream()
                .map(column -> Map.<String, Object>of(
                        "name", column.toString(),
                        "href", project.models().containsKey(column.model()) ? column.model() + ".html#column-" + column.column() : ""))
                .toList();
    }

    /** The last run's entry of each model; a model listed twice (seeded, then run) keeps its last. */
    private Map<String, Map<String, Object>> modelRuns()
    {
        Map<String, Map<String, Object>> runs = new LinkedHashMap<>();
        lastRun.ifPresent(run -> {
            for (Artifacts.ModelEntry entry : nullToEmpty(run.results())) {
                if (entry == null || entry.model() == null) {
                    continue;
                }
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("status", nullToEmpty(entry.status()));
                figures.put("statusLabel", nullToEmpty(entry.status()).replace('_', ' '));
                figures.put("rows", entry.rowsWritten() == null ? "" : count(entry.rowsWritten()));
                figures.put("seconds", seconds(entry.seconds()));
                figures.put("detail", nullToEmpty(entry.detail()));
                figures.put("error", nullToEmpty(entry.error()));
                runs.put(entry.model(), figures);
            }
        });
        return runs;
    }

    private Map<String, Map<String, Object>> testRuns()
    {
        Map<String, Map<String, Object>> runs = new LinkedHashMap<>();
        lastRun.ifPresent(run -> {
            for (Artifacts.TestEntry entry : nullToEmpty(run.tests())) {
                if (entry == null || entry.name() == null) {
                    continue;
                }
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("status", nullToEmpty(entry.status()));
                figures.put("failingRows", entry.failingRows() == null ? "" : count(entry.failingRows()));
                figures.put("seconds", seconds(entry.seconds()));
                figures.put("error", nullToEmpty(entry.error()));
                runs.put(entry.name(), figures);
            }
        });
        return runs;
    }

    private static Map<String, Object> runSummary(Artifacts.RunResults run)
    {
        Map<String, Integer> statuses = new TreeMap<>();
        long rows = 0;
        for (Artifacts.ModelEntry entry : nullToEmpty(run.results())) {
            if (entry != null) {
                statuses.merge(nullToEmpty(entry.status()).replace('_', ' '), 1, Integer::sum);
                rows += entry.rowsWritten() == null ? 0 : entry.rowsWritten();
            }
        }
        Map<String, Integer> tests = new TreeMap<>();
        for (Artifacts.TestEntry entry : nullToEmpty(run.tests())) {
            if (entry != null) {
                tests.merge(nullToEmpty(entry.status()), 1, Integer::sum);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", nullToEmpty(run.command()));
        summary.put("startedAt", time(run.startedAt()));
        summary.put("seconds", seconds(run.elapsedSeconds()));
        summary.put("target", nullToEmpty(run.target()));
        summary.put("success", run.success());
        summary.put("models", statuses.entrySet().stream().map(entry -> Map.of("status", entry.getKey(), "count", entry.getValue())).toList());
        summary.put("rows", count(rows));
        summary.put("tests", tests.entrySet().stream().map(entry -> Map.of("status", entry.getKey(), "count", entry.getValue())).toList());
        return summary;
    }

    private String render(String template, Map<String, Object> model)
    {
        try {
            StringWriter out = new StringWriter();
            templates.getTemplate(template).process(model, out);
            return out.toString();
        }
        catch (IOException | TemplateException e) {
            throw new VaultException(ErrorCode.INTERNAL, "cannot render documentation template " + template + ": " + e.getMessage(), e);
        }
    }

    private static String shorten(String description)
    {
        String text = description.strip().replaceAll("\\s+", " ");
        return text.length() <= SHORT_DESCRIPTION ? text : text.substring(0, SHORT_DESCRIPTION - 1).stripTrailing() + "…";
    }

    private static String title(String name)
    {
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String seconds(double seconds)
    {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    /** An ISO-8601 instant as a person reads it, to the second; anything else as it is. */
    private static String time(String instant)
    {
        if (instant == null) {
            return "";
        }
        try {
            return TIME.format(Instant.parse(instant));
        }
        catch (DateTimeParseException e) {
            return instant;
        }
    }

    private static String count(long count)
    {
        return String.format(Locale.ROOT, "%,d", count);
    }

    private static String nullToEmpty(String text)
    {
        return text == null ? "" : text;
    }

    private static <T> List<T> nullToEmpty(List<T> list)
    {
        return list == null ? List.of() : list;
    }
}
