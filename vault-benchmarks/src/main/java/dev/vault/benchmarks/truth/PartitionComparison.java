package dev.vault.benchmarks.truth;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Whether two clusterings of the same records are the same partition, whatever their cluster
 * ids: each is read as a set of sets of record ids. When they differ, the clusters that only
 * one of them has (sorted by their smallest record id), and the records only one of them knows.
 */
public record PartitionComparison(
        String leftName,
        String rightName,
        int leftClusters,
        int rightClusters,
        ImmutableList<ImmutableSortedSet<String>> onlyLeft,
        ImmutableList<ImmutableSortedSet<String>> onlyRight,
        ImmutableSortedSet<String> recordsOnlyLeft,
        ImmutableSortedSet<String> recordsOnlyRight)
{
    public PartitionComparison
    {
        requireNonNull(leftName, "leftName is null");
        requireNonNull(rightName, "rightName is null");
        requireNonNull(onlyLeft, "onlyLeft is null");
        requireNonNull(onlyRight, "onlyRight is null");
        requireNonNull(recordsOnlyLeft, "recordsOnlyLeft is null");
        requireNonNull(recordsOnlyRight, "recordsOnlyRight is null");
    }

    /** Compares {@code left} and {@code right}, each record id -> cluster id. */
    public static PartitionComparison of(String leftName, Map<String, String> left, String rightName, Map<String, String> right)
    {
        Set<ImmutableSortedSet<String>> leftPartition = partition(left);
        Set<ImmutableSortedSet<String>> rightPartition = partition(right);
        return new PartitionComparison(leftName, rightName, leftPartition.size(), rightPartition.size(),
                difference(leftPartition, rightPartition), difference(rightPartition, leftPartition),
                ImmutableSortedSet.copyOf(missing(left.keySet(), right.keySet())),
                ImmutableSortedSet.copyOf(missing(right.keySet(), left.keySet())));
    }

    /** The clusters as sets of record ids. */
    public static Set<ImmutableSortedSet<String>> partition(Map<String, String> clusterOf)
    {
        Map<String, TreeSet<String>> clusters = new HashMap<>();
        clusterOf.forEach((record, cluster) -> clusters.computeIfAbsent(cluster, ignored -> new TreeSet<>()).add(record));
        Set<ImmutableSortedSet<String>> partition = new HashSet<>();
        clusters.values().forEach(records -> partition.add(ImmutableSortedSet.copyOf(records)));
        return partition;
    }

    public boolean agree()
    {
        return onlyLeft.isEmpty() && onlyRight.isEmpty() && recordsOnlyLeft.isEmpty() && recordsOnlyRight.isEmpty();
    }

    /** One line when they agree; else the counts and up to {@code limit} differing clusters of each side. */
    public String format(int limit)
    {
        if (agree()) {
            return "%s and %s agree: the same %,d clusters%n".formatted(leftName, rightName, leftClusters);
        }
        StringBuilder out = new StringBuilder();
        out.append("%s and %s DISAGREE: %,d vs %,d clusters; %d clusters only in %s, %d only in %s; %d records only in %s, %d only in %s%n"
                .formatted(leftName, rightName, leftClusters, rightClusters, onlyLeft.size(), leftName, onlyRight.size(), rightName,
                        recordsOnlyLeft.size(), leftName, recordsOnlyRight.size(), rightName));
        append(out, "only in " + leftName, onlyLeft, limit);
        append(out, "only in " + rightName, onlyRight, limit);
        if (!recordsOnlyLeft.isEmpty()) {
            out.append("  records only in %s: %s%n".formatted(leftName, recordsOnlyLeft.stream().limit(limit).toList()));
        }
        if (!recordsOnlyRight.isEmpty()) {
            out.append("  records only in %s: %s%n".formatted(rightName, recordsOnlyRight.stream().limit(limit).toList()));
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String title, List<ImmutableSortedSet<String>> clusters, int limit)
    {
        for (ImmutableSortedSet<String> cluster : clusters.subList(0, Math.min(limit, clusters.size()))) {
            out.append("  %s: %s%n".formatted(title, cluster));
        }
        if (clusters.size() > limit) {
            out.append("  %s: ... %d more%n".formatted(title, clusters.size() - limit));
        }
    }

    private static ImmutableList<ImmutableSortedSet<String>> difference(Set<ImmutableSortedSet<String>> a, Set<ImmutableSortedSet<String>> b)
    {
        List<ImmutableSortedSet<String>> only = new ArrayList<>();
        for (ImmutableSortedSet<String> cluster : a) {
            if (!b.contains(cluster)) {
                only.add(cluster);
            }
        }
        only.sort(Comparator.comparing(ImmutableSortedSet::first));
        return ImmutableList.copyOf(only);
    }

    private static Set<String> missing(Set<String> a, Set<String> b)
    {
        Set<String> only = new TreeSet<>(a);
        only.removeAll(b);
        return only;
    }
}
