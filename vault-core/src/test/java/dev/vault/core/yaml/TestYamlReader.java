package dev.vault.core.yaml;

import dev.vault.core.model.Location;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestYamlReader
{
    private static final Path FILE = Path.of("models/hubs.yml");

    @Test
    void locationsOfMappingsKeysAndScalars()
    {
        YamlNode.Mapping root = (YamlNode.Mapping) read("""
                name: demo
                hubs:
                  - name: hub_a
                    keys: [a, 'b', ~]
                    sql: |
                      SELECT 1
                """);

        assertThat(root.location()).isEqualTo(new Location(FILE, 1, 1));
        assertThat(root.entries().keySet()).containsExactly("name", "hubs");
        assertThat(root.entries().get("name").keyLocation()).isEqualTo(new Location(FILE, 1, 1));
        assertThat(root.get("name")).contains(new YamlNode.Scalar("demo", new Location(FILE, 1, 7)));
        assertThat(root.entries().get("hubs").keyLocation()).isEqualTo(new Location(FILE, 2, 1));

        YamlNode.Sequence hubs = (YamlNode.Sequence) root.get("hubs").orElseThrow();
        assertThat(hubs.location()).isEqualTo(new Location(FILE, 3, 3));
        assertThat(hubs.items()).hasSize(1);

        YamlNode.Mapping hub = (YamlNode.Mapping) hubs.items().getFirst();
        assertThat(hub.location()).isEqualTo(new Location(FILE, 3, 5));
        assertThat(hub.entries().get("name").keyLocation()).isEqualTo(new Location(FILE, 3, 5));
        assertThat(hub.get("name")).contains(new YamlNode.Scalar("hub_a", new Location(FILE, 3, 11)));
        assertThat(hub.entries().get("keys").keyLocation()).isEqualTo(new Location(FILE, 4, 5));

        YamlNode.Sequence keys = (YamlNode.Sequence) hub.get("keys").orElseThrow();
        assertThat(keys.location()).isEqualTo(new Location(FILE, 4, 11));
        assertThat(keys.items()).containsExactly(
                new YamlNode.Scalar("a", new Location(FILE, 4, 12)),
                new YamlNode.Scalar("b", new Location(FILE, 4, 15)),
                new YamlNode.Scalar(null, new Location(FILE, 4, 20)));

        // a block scalar is located at its '|' indicator; its text is the lines below
        assertThat(hub.get("sql")).contains(new YamlNode.Scalar("SELECT 1\n", new Location(FILE, 5, 10)));
        assertThat(hub.get("missing")).isEmpty();
    }

    @Test
    void locationToStringIsFileLineColumn()
    {
        YamlNode.Mapping root = (YamlNode.Mapping) read("a:\n  b: c\n");
        YamlNode.Mapping a = (YamlNode.Mapping) root.get("a").orElseThrow();
        assertThat(a.get("b").orElseThrow().location()).hasToString("models/hubs.yml:2:6");
        assertThat(Location.of(FILE)).hasToString("models/hubs.yml");
    }

    @Test
    void scalarsKeepTheirTextAndNullsAreNull()
    {
        YamlNode.Mapping root = (YamlNode.Mapping) read("""
                int: 16
                float: 1.5
                bool: true
                quoted: "007"
                tilde: ~
                word: null
                blank: ''
                """);

        assertThat(text(root, "int")).isEqualTo("16");
        assertThat(text(root, "float")).isEqualTo("1.5");
        assertThat(text(root, "bool")).isEqualTo("true");
        assertThat(text(root, "quoted")).isEqualTo("007");
        assertThat(text(root, "blank")).isEmpty();
        for (String key : new String[] {"tilde", "word"}) {
            YamlNode.Scalar scalar = (YamlNode.Scalar) root.get(key).orElseThrow();
            assertThat(scalar.isNull()).as(key).isTrue();
            assertThat(scalar.kind()).isEqualTo("nothing (null)");
        }
        assertThat(root.kind()).isEqualTo("a mapping");
        assertThat(root.get("int").orElseThrow().kind()).isEqualTo("a single value");
        assertThat(read("[a]").kind()).isEqualTo("a list");
    }

    @Test
    void duplicateKeyNamesBothLines()
    {
        assertThatThrownBy(() -> read("""
                hubs:
                  - name: hub_a
                    hash-key: hk_a
                    business-keys: [a]
                    hash-key: hk_b
                """))
                .isInstanceOfSatisfying(YamlException.class, e -> assertThat(e.location()).isEqualTo(new Location(FILE, 5, 5)))
                .hasMessage("duplicate key 'hash-key' (first written at line 3); remove one of them");
    }

    @Test
    void duplicateTopLevelKey()
    {
        assertThatThrownBy(() -> read("a: 1\nb: 2\na: 3\n"))
                .isInstanceOfSatisfying(YamlException.class, e -> assertThat(e.location()).hasToString("models/hubs.yml:3:1"))
                .hasMessage("duplicate key 'a' (first written at line 1); remove one of them");
    }

    @Test
    void badIndentationIsReportedWhereItIs()
    {
        assertThatThrownBy(() -> read("""
                hubs:
                  - name: hub_x
                   hash-key: hk_x
                """))
                .isInstanceOfSatisfying(YamlException.class, e -> assertThat(e.location()).isEqualTo(new Location(FILE, 3, 4)))
                .hasMessageStartingWith("invalid YAML: ");
    }

    @Test
    void mappingValueInPlainScalarIsReportedAtItsColumn()
    {
        assertThatThrownBy(() -> read("a: b: c\n"))
                .isInstanceOfSatisfying(YamlException.class, e -> assertThat(e.location()).isEqualTo(new Location(FILE, 1, 5)))
                .hasMessage("invalid YAML: mapping values are not allowed here");
    }

    @Test
    void unclosedFlowSequence()
    {
        assertThatThrownBy(() -> read("a: [1, 2\n"))
                .isInstanceOfSatisfying(YamlException.class, e -> assertThat(e.location().line()).isEqualTo(1))
                .hasMessageStartingWith("invalid YAML: ")
                .hasMessageContaining("flow sequence");
    }

    @Test
    void unclosedFlowSequenceFoundLaterSaysWhereItStarts()
    {
        assertThatThrownBy(() -> read("a: [1, 2\nb: c\n"))
                .isInstanceOfSatisfying(YamlException.class, e -> assertThat(e.location()).isEqualTo(new Location(FILE, 2, 2)))
                .hasMessage("invalid YAML: expected ',' or ']', but got : (while parsing a flow sequence that starts at line 1, column 4)");
    }

    @Test
    void emptyDocumentIsEmpty()
    {
        assertThat(YamlReader.read(FILE, "")).isEmpty();
        assertThat(YamlReader.read(FILE, "\n\n")).isEmpty();
        assertThat(YamlReader.read(FILE, "# only a comment\n# and another\n")).isEmpty();
    }

    @Test
    void multipleDocumentsAreRejected()
    {
        assertThatThrownBy(() -> read("a: 1\n---\nb: 2\n"))
                .isInstanceOfSatisfying(YamlException.class, e -> assertThat(e.location()).isEqualTo(new Location(FILE, 3, 1)))
                .hasMessage("more than one YAML document in this file; keep one document per file (remove the '---' separator)");
    }

    @Test
    void leadingDocumentMarkerIsOneDocument()
    {
        YamlNode.Mapping root = (YamlNode.Mapping) read("---\na: 1\n");
        assertThat(root.entries().get("a").keyLocation()).isEqualTo(new Location(FILE, 2, 1));
        assertThat(text(root, "a")).isEqualTo("1");
    }

    @Test
    void deepNestingIsRejected()
    {
        String deep = "[".repeat(100) + "]".repeat(100);
        assertThatThrownBy(() -> read(deep))
                .isInstanceOf(YamlException.class)
                .hasMessageStartingWith("invalid YAML: ")
                .hasMessageContaining("nesting depth");
    }

    @Test
    void syntaxErrorMessageSaysWhatIsWrong()
    {
        assertThatThrownBy(() -> read("""
                hubs:
                  - name: hub_x
                   hash-key: hk_x
                """))
                .isInstanceOf(YamlException.class)
                .hasMessageContaining("expected <block end>, but found '<block mapping start>'");
    }

    @Test
    void tabIndentationIsReportedAtTheTab()
    {
        assertThatThrownBy(() -> read("a:\n\tb: c\n"))
                .isInstanceOfSatisfying(YamlException.class, e -> assertThat(e.location().line()).isEqualTo(2))
                .hasMessageContaining("TAB");
    }

    @Test
    void keyWithNothingIsNull()
    {
        YamlNode.Mapping root = (YamlNode.Mapping) read("nothing:\nnext: 1\n");
        assertThat(((YamlNode.Scalar) root.get("nothing").orElseThrow()).isNull()).isTrue();
    }

    @Test
    void aliasIsResolvedOrRejected()
    {
        Optional<YamlNode> root;
        try {
            root = YamlReader.read(FILE, "a: &anchor hello\nb: *anchor\n");
        }
        catch (YamlException e) {
            return; // rejecting aliases with a located error is fine too
        }
        assertThat(text((YamlNode.Mapping) root.orElseThrow(), "b")).isEqualTo("hello");
    }

    private static YamlNode read(String content)
    {
        return YamlReader.read(FILE, content).orElseThrow();
    }

    private static String text(YamlNode.Mapping mapping, String key)
    {
        return ((YamlNode.Scalar) mapping.get(key).orElseThrow()).text();
    }
}
