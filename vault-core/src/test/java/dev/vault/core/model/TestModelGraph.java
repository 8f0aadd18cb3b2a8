package dev.vault.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TestModelGraph
{
    private static final Location LOCATION = new Location(Path.of("models/test.yml"), 1, 1);

    @Test
    void orderIsByDependenciesThenLayerThenName()
    {
        ModelGraph graph = graph(
                mart("m_a", "s_a"),
                hub("hub_z", "stg_b", "stg_a"),
                stage("stg_b", "s_b"),
                stage("stg_a", "s_a"),
                source("s_b"),
                source("s_a"));
        assertThat(graph.topologicalOrder()).containsExactly("s_a", "s_b", "stg_a", "stg_b", "hub_z", "m_a");
    }

    @Test
    void orderIsTheSameWhateverTheOrderOfTheModels()
    {
        List<Model> models = List.of(
                source("s_a"), source("s_b"), stage("stg_a", "s_a"), stage("stg_b", "s_b"),
                hub("hub_y", "stg_b"), hub("hub_x", "stg_a", "stg_b"), mart("m_b", "hub_x", "hub_y"), mart("m_a", "m_b"), mart("m_c", "s_a"));
        ImmutableList<String> expected = ImmutableList.of("s_a", "s_b", "stg_a", "stg_b", "hub_x", "hub_y", "m_b", "m_a", "m_c");
        assertThat(graph(models.toArray(Model[]::new)).topologicalOrder()).isEqualTo(expected);
        List<Model> reversed = new ArrayList<>(models).reversed();
        assertThat(graph(reversed.toArray(Model[]::new)).topologicalOrder()).isEqualTo(expected);
        List<Model> rotated = new ArrayList<>(models);
        Collections.rotate(rotated, 4);
        assertThat(graph(rotated.toArray(Model[]::new)).topologicalOrder()).isEqualTo(expected);
    }

    @Test
    void dependenciesComeBeforeLayerOrder()
    {
        // nothing a loader would accept, but the graph must still put a model after what it reads
        ModelGraph graph = graph(source("s"), mart("m", "s"), hub("h", "m"));
        assertThat(graph.topologicalOrder()).containsExactly("s", "m", "h");
    }

    @Test
    void parentsChildrenAndAncestors()
    {
        ModelGraph graph = graph(
                source("s_a"), source("s_b"),
                stage("stg_a", "s_a"), stage("stg_b", "s_b"),
                hub("hub_x", "stg_a", "stg_b"),
                mart("m_1", "hub_x"), mart("m_2", "m_1", "stg_a"));

        assertThat(graph.parents("hub_x")).containsExactlyInAnyOrder("stg_a", "stg_b");
        assertThat(graph.parents("s_a")).isEmpty();
        assertThat(graph.children("stg_a")).containsExactlyInAnyOrder("hub_x", "m_2");
        assertThat(graph.children("m_2")).isEmpty();
        assertThat(graph.ancestors("m_2")).containsExactlyInAnyOrder("m_1", "hub_x", "stg_a", "stg_b", "s_a", "s_b");
        assertThat(graph.ancestors("hub_x")).containsExactlyInAnyOrder("stg_a", "stg_b", "s_a", "s_b");
        assertThat(graph.ancestors("s_b")).isEmpty();
    }

    @Test
    void dependenciesOutsideTheMapAreIgnored()
    {
        ModelGraph graph = graph(mart("m", "missing"));
        assertThat(graph.topologicalOrder()).containsExactly("m");
        assertThat(graph.parents("m")).isEmpty();
    }

    @Test
    void cycle()
    {
        List<String> cycle = new ArrayList<>();
        Optional<ModelGraph> graph = ModelGraph.of(models(source("s"), mart("m_c", "m_b"), mart("m_a", "m_c", "s"), mart("m_b", "m_a")), cycle);
        assertThat(graph).isEmpty();
        assertThat(cycle).containsExactly("m_a", "m_b", "m_c", "m_a");
    }

    @Test
    void selfLoopIsACycle()
    {
        List<String> cycle = new ArrayList<>();
        assertThat(ModelGraph.of(models(mart("m", "m")), cycle)).isEmpty();
        assertThat(cycle).containsExactly("m", "m");
    }

    @Test
    void noCycleLeavesTheListEmpty()
    {
        List<String> cycle = new ArrayList<>();
        assertThat(ModelGraph.of(models(source("s"), mart("m", "s")), cycle)).isPresent();
        assertThat(cycle).isEmpty();
    }

    private static ModelGraph graph(Model... models)
    {
        List<String> cycle = new ArrayList<>();
        ModelGraph graph = ModelGraph.of(models(models), cycle).orElseThrow(() -> new AssertionError("cycle: " + cycle));
        assertThat(cycle).isEmpty();
        return graph;
    }

    private static Map<String, Model> models(Model... models)
    {
        Map<String, Model> map = new LinkedHashMap<>();
        for (Model model : models) {
            map.put(model.name(), model);
        }
        return map;
    }

    private static Source source(String name)
    {
        return new Source(name, "", Optional.empty(), name, new RecordSource.Fixed("test"), "_loaded_at",
                ImmutableList.of(new Column("_loaded_at", "timestamp(6) with time zone", "", LOCATION)), Optional.empty(), LOCATION);
    }

    private static Stage stage(String name, String source)
    {
        return new Stage(name, "", source, Optional.empty(), ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), Optional.empty(), LOCATION);
    }

    private static Hub hub(String name, String... stages)
    {
        return new Hub(name, "", "hk_" + name, ImmutableList.of("key"), ImmutableList.copyOf(stages), TableLayout.defaults(), false, LOCATION);
    }

    private static Mart mart(String name, String... refs)
    {
        return new Mart(name, "", Mart.Materialization.TABLE, "SELECT 1", LOCATION, ImmutableSet.copyOf(refs), LOCATION);
    }
}
