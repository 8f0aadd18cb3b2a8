package dev.vault.runner.docs;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.Model;
import dev.vault.core.model.ModelKind;
import dev.vault.core.model.Project;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * Where the boxes and arrows of a project's DAG go, read left to right: a model's column is the
 * length of the longest path from a source to it, so every arrow points right; within a column
 * models are ordered by the mean height of what they read, which keeps most arrows short and
 * uncrossed. Text widths are estimated for a monospace font, so no browser is needed to lay out.
 */
public record DagLayout(int width, int height, ImmutableList<Node> nodes, ImmutableList<Edge> edges)
{
    static final int FONT_SIZE = 13;
    // a monospace character is 0.6 em wide
    private static final double CHARACTER_WIDTH = FONT_SIZE * 0.6;
    private static final int BOX_PADDING = 14;
    private static final int BOX_HEIGHT = 32;
    private static final int ROW_GAP = 16;
    private static final int COLUMN_GAP = 64;
    private static final int MARGIN = 8;
    private static final int ORDERING_SWEEPS = 4;

    public DagLayout
    {
        requireNonNull(nodes, "nodes is null");
        requireNonNull(edges, "edges is null");
    }

    /** A model's box: top-left corner and size. */
    public record Node(String name, ModelKind kind, int x, int y, int width, int height)
    {
        public Node
        {
            requireNonNull(name, "name is null");
            requireNonNull(kind, "kind is null");
        }
    }

    /** An arrow from the right side of {@code from}'s box to the left side of {@code to}'s. */
    public record Edge(String from, String to, int x1, int y1, int x2, int y2)
    {
        public Edge
        {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }

        /** A horizontal S-curve, so arrows leave and enter boxes level. */
        public String path()
        {
            int middle = (x1 + x2) / 2;
            return "M%d,%d C%d,%d %d,%d %d,%d".formatted(x1, y1, middle, y1, middle, y2, x2, y2);
        }
    }

    public static DagLayout of(Project project)
    {
        List<String> order = project.graph().topologicalOrder();
        Map<String, Integer> depth = new HashMap<>();
        for (String name : order) {
            int level = project.graph().parents(name).stream().mapToInt(parent -> depth.get(parent) + 1).max().orElse(0);
            depth.put(name, level);
        }
        int columnCount = depth.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<List<String>> columns = new ArrayList<>();
        for (int column = 0; column < columnCount; column++) {
            columns.add(new ArrayList<>());
        }
        // topological order (by kind, then name) is the first ordering of each column
        order.forEach(name -> columns.get(depth.get(name)).add(name));

        Map<String, Integer> row = new HashMap<>();
        columns.forEach(column -> number(column, row));
        for (int sweep = 0; sweep < ORDERING_SWEEPS; sweep++) {
            for (List<String> column : columns) {
                Map<String, Double> centre = new HashMap<>();
                for (String name : column) {
                    OptionalDouble mean = project.graph().parents(name).stream().mapToDouble(parent -> scaled(row.get(parent), columns.get(depth.get(parent)).size())).average();
                    centre.put(name, mean.orElse(scaled(row.get(name), column.size())));
                }
                column.sort(Comparator.comparingDouble(centre::get));
                number(column, row);
            }
        }

        int tallest = columns.stream().mapToInt(List::size).max().orElse(0);
        int height = tallest == 0 ? 2 * MARGIN : 2 * MARGIN + tallest * BOX_HEIGHT + (tallest - 1) * ROW_GAP;
        ImmutableList.Builder<Node> nodes = ImmutableList.builder();
        Map<String, Node> byName = new HashMap<>();
        int x = MARGIN;
        for (List<String> column : columns) {
            int width = column.stream().mapToInt(DagLayout::boxWidth).max().orElse(0);
            int columnHeight = column.size() * BOX_HEIGHT + (column.size() - 1) * ROW_GAP;
            int y = (height - columnHeight) / 2;
            for (String name : column) {
                Model model = project.model(name);
                Node node = new Node(name, model.kind(), x, y, width, BOX_HEIGHT);
                nodes.add(node);
                byName.put(name, node);
                y += BOX_HEIGHT + ROW_GAP;
            }
            x += width + COLUMN_GAP;
        }
        int width = columns.isEmpty() ? 2 * MARGIN : x - COLUMN_GAP + MARGIN;

        ImmutableList.Builder<Edge> edges = ImmutableList.builder();
        for (String name : order) {
            Node to = byName.get(name);
            for (String parent : project.graph().parents(name).stream().sorted().toList()) {
                Node from = byName.get(parent);
                edges.add(new Edge(parent, name, from.x() + from.width(), from.y() + from.height() / 2, to.x(), to.y() + to.height() / 2));
            }
        }
        return new DagLayout(width, height, nodes.build(), edges.build());
    }

    private static void number(List<String> column, Map<String, Integer> row)
    {
        for (int index = 0; index < column.size(); index++) {
            row.put(column.get(index), index);
        }
    }

    /** A row's position as a fraction of its column's height, so columns of different sizes compare. */
    private static double scaled(int row, int rows)
    {
        return (row + 0.5) / rows;
    }

    private static int boxWidth(String name)
    {
        return (int) Math.ceil(name.length() * CHARACTER_WIDTH) + 2 * BOX_PADDING;
    }
}
