package dev.vault.runner.docs;

import com.google.common.collect.ImmutableList;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * The documentation site {@code vault docs} wrote.
 *
 * @param index the page to open: the project's models, DAG and last run
 * @param pages every page written, the index first, then one per model in build order
 */
public record DocsResult(Path folder, Path index, ImmutableList<Path> pages)
{
    public DocsResult
    {
        requireNonNull(folder, "folder is null");
        requireNonNull(index, "index is null");
        requireNonNull(pages, "pages is null");
    }
}
