package dev.vault.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.graph.GraphBuilder;
import com.google.common.graph.Graphs;
import com.google.common.graph.ImmutableGraph;
import com.google.common.graph.MutableGraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

import static java.util.Objects.requireNonNull;

/**
 * The dependency graph of a project's models: an edge from each model to every model that reads
 * it. Ordering is deterministic (by layer, then name among ready models) so that runs and
 * compiled output are reproducible.
 */
public final class ModelGraph
{
    private final ImmutableGraph<String> graph;
    private final ImmutableList<String> order;

    private ModelGraph(ImmutableGraph<String> graph, ImmutableList<String> order)
    {
        this.graph = requireNonNull(graph, "graph is null");
        this.order = requireNonNull(order, "order is null");
    }

    /** Builds the graph; returns empty and fills {@code cycle} when the models have a cycle. */
    public static Optional<ModelGraph> of(Map<String, Model> models, List<String> cycle)
    {
        return of(models, Map.of(), cycle);
    }

    /**
     * @param owners names that are not models but belong to one (an identity hub's auxiliary
     *         tables), mapped to that model: reading them depends on it
     */
    public static Optional<ModelGraph> of(Map<String, Model> models, Map<String, String> owners, List<String> cycle)
    {
        MutableGraph<String> graph = GraphBuilder.directed().allowsSelfLoops(true).build();
        models.keySet().forEach(graph::addNode);
        for (Model model : models.values()) {
            for (String dependency : model.dependencies()) {
                String owner = models.containsKey(dependency) ? dependency : owners.get(dependency);
                if (owner != null) {
                    graph.putEdge(owner, model.name());
                }
            }
        }
        if (Graphs.hasCycle(graph)) {
            cycle.addAll(findCycle(graph));
            return Optional.empty();
        }
        Comparator<String> priority = Comparator.<String, Integer>comparing(name -> models.get(name).kind().ordinal()).thenComparing(name -> name);
        Map<String, Integer> remaining = new HashMap<>();
        PriorityQueue<String> ready = new PriorityQueue<>(priority);
        for (String node : graph.nodes()) {
            remaining.put(node, graph.inDegree(node));
            if (graph.inDegree(node) == 0) {
                ready.add(node);
            }
        }
        ImmutableList.Builder<String> order = ImmutableList.builder();
        while (!ready.isEmpty()) {
            String node = ready.poll();
            order.add(node);
            for (String successor : graph.successors(node)) {
                if (remaining.merge(successor, -1, Integer::sum) == 0) {
                    ready.add(successor);
                }
            }
        }
        return Optional.of(new ModelGraph(ImmutableGraph.copyOf(graph), order.build()));
    }

    public ImmutableList<String> topologicalOrder()
    {
        return order;
    }

    /** The models that read {@code model} directly. */
    public ImmutableSet<String> children(String model)
    {
        return ImmutableSet.copyOf(graph.successors(model));
    }

    /** The models {@code model} reads directly. */
    public ImmutableSet<String> parents(String model)
    {
        return ImmutableSet.copyOf(graph.predecessors(model));
    }

    /** Every model {@code model} reads, directly or not. */
    public ImmutableSet<String> ancestors(String model)
    {
        ImmutableSet<String> reachable = ImmutableSet.copyOf(Graphs.reachableNodes(Graphs.transpose(graph), model));
        return reachable.stream().filter(node -> !node.equals(model)).collect(ImmutableSet.toImmutableSet());
    }

    /** Every model that reads {@code model}, directly or not. */
    public ImmutableSet<String> descendants(String model)
    {
        return Graphs.reachableNodes(graph, model).stream()
                .filter(node -> !node.equals(model))
                .collect(ImmutableSet.toImmutableSet());
    }

    private static List<String> findCycle(MutableGraph<String> graph)
    {
        Map<String, Integer> state = new HashMap<>();
        List<String> path = new ArrayList<>();
        for (String start : graph.nodes().stream().sorted().toList()) {
            List<String> cycle = visit(graph, start, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(MutableGraph<String> graph, String node, Map<String, Integer> state, List<String> path)
    {
        Integer current = state.get(node);
        if (current != null && current == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        if (current != null) {
            return List.of();
        }
        state.put(node, 1);
        path.add(node);
        for (String successor : graph.successors(node).stream().sorted().toList()) {
            List<String> cycle = visit(graph, successor, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.removeLast();
        state.put(node, 2);
        return List.of();
    }
}
