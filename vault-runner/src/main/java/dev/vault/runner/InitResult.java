package dev.vault.runner;

import com.google.common.collect.ImmutableList;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * What {@code vault init} wrote.
 *
 * @param directory the project's folder, absolute
 * @param files the files written (or appended to, for an existing .gitignore), relative to the folder
 * @param sources the sources of the project: the bronze tables read with {@code --from}, or the example's
 * @param warnings what the user must look at before the project loads or runs as meant: tables and
 *     columns left out, and sources whose load timestamp could not be guessed
 */
public record InitResult(Path directory, ImmutableList<Path> files, ImmutableList<String> sources, ImmutableList<String> warnings)
{
    public InitResult
    {
        requireNonNull(directory, "directory is null");
        files = ImmutableList.copyOf(files);
        sources = ImmutableList.copyOf(sources);
        warnings = ImmutableList.copyOf(warnings);
    }
}
