package dev.vault.runner.docs;

import com.google.common.collect.ImmutableSet;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Project;
import dev.vault.runner.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The colours of the kinds of models in the site's stylesheet, read as text: a kind added to
 * {@link ModelKind} without a colour, or with text that cannot be read on it, fails here
 * (TestDocsSiteInBrowser checks what Chromium draws).
 */
class TestDocsSiteStyles
{
    private static final Pattern KIND_RULE = Pattern.compile(
            "^\\.(kind-[a-z0-9-]+) \\{ --kind-fill: (#[0-9a-f]{6}); --kind-line: (#[0-9a-f]{6}); --kind-text: (#[0-9a-f]{6}); }$", Pattern.MULTILINE);
    private static final Pattern CLASS = Pattern.compile("class=\"([^\"]*)\"");

    @TempDir
    Path directory;

    @Test
    void everyKindHasItsOwnLegibleColours()
            throws IOException
    {
        Map<String, KindColours> rules = kindRules();

        Set<String> classes = Arrays.stream(ModelKind.values()).map(DocsSite::kindClass).collect(toSet());
        // a rule for each kind and for nothing else, so a renamed kind does not keep a stale colour
        assertThat(rules.keySet()).containsExactlyInAnyOrderElementsOf(classes);
        for (Map.Entry<String, KindColours> rule : rules.entrySet()) {
            KindColours colours = rule.getValue();
            assertThat(colours.fill()).as("fill of %s", rule.getKey()).isNotEqualTo(Colours.BLACK).isNotEqualTo(Colours.WHITE);
            assertThat(Colours.contrast(colours.text(), colours.fill())).as("contrast of the text of %s on its fill %s", rule.getKey(), colours).isGreaterThanOrEqualTo(4.5);
            // the outline must show against the white page
            assertThat(Colours.contrast(colours.line(), Colours.WHITE)).as("contrast of the outline of %s", rule.getKey()).isGreaterThanOrEqualTo(1.5);
        }
        assertThat(rules.values().stream().map(KindColours::fill).distinct()).as("each kind its own fill").hasSize(rules.size());
    }

    @Test
    void kindClassesAreSingleCssIdentifiers()
    {
        for (ModelKind kind : ModelKind.values()) {
            assertThat(DocsSite.kindClass(kind)).matches("kind-[a-z][a-z0-9-]*");
        }
        assertThat(DocsSite.kindClass(ModelKind.SNAPSHOT_CONTROL)).isEqualTo("kind-snapshot-control");
        assertThat(DocsSite.kindClass(ModelKind.MULTI_ACTIVE_SATELLITE)).isEqualTo("kind-multi-active-satellite");
        assertThat(DocsSite.kindClass(ModelKind.HUB)).isEqualTo("kind-hub");
    }

    @Test
    void everyKindClassOnThePagesHasColours()
            throws IOException
    {
        Set<String> rules = kindRules().keySet();
        for (String project : new String[] {"examples/toolbox", "."}) {
            Path folder = directory.resolve(project.equals(".") ? "leads" : "toolbox");
            DocsResult site;
            Set<ModelKind> kinds;
            try (Vault vault = TestingDocsProject.example(project, folder.resolve("project"))) {
                Project loaded = vault.project();
                kinds = loaded.models().values().stream().map(Model::kind).collect(toSet());
                site = vault.docs(folder.resolve("site"));
            }
            Set<String> used = new HashSet<>();
            for (Path page : site.pages()) {
                Matcher attribute = CLASS.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (attribute.find()) {
                    for (String name : attribute.group(1).split(" ")) {
                        if (name.startsWith("kind-")) {
                            assertThat(rules).as("class %s on %s", name, page).contains(name);
                            used.add(name);
                        }
                    }
                }
            }
            String index = Files.readString(site.index(), StandardCharsets.UTF_8);
            for (ModelKind kind : kinds) {
                // the boxes of the picture carry the class: an SVG rect without a fill is black
                assertThat(index).as("a box of a %s in %s", kind.displayName(), project).contains("<g class=\"node " + DocsSite.kindClass(kind) + "\"");
            }
            assertThat(used).containsAll(kinds.stream().map(DocsSite::kindClass).collect(ImmutableSet.toImmutableSet()));
        }
    }

    private static Map<String, KindColours> kindRules()
            throws IOException
    {
        String stylesheet;
        try (InputStream layout = DocsSite.class.getResourceAsStream("/dev/vault/runner/docs/layout.ftlh")) {
            assertThat(layout).isNotNull();
            stylesheet = new String(layout.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, KindColours> rules = new LinkedHashMap<>();
        Matcher rule = KIND_RULE.matcher(stylesheet);
        while (rule.find()) {
            KindColours previous = rules.put(rule.group(1), new KindColours(Colours.parse(rule.group(2)), Colours.parse(rule.group(3)), Colours.parse(rule.group(4))));
            assertThat(previous).as("a second rule for %s", rule.group(1)).isNull();
        }
        return rules;
    }

    private record KindColours(Colours fill, Colours line, Colours text) {}
}
