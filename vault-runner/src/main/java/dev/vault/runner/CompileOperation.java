package dev.vault.runner;

import com.google.common.collect.ImmutableList;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.sql.ModelPlan;
import dev.vault.sql.Plan;
import dev.vault.sql.PlanScript;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Writes every model's plan to {@code <folder>/<layer>/<model>.sql}: exactly the statements a run
 * executes. The files an earlier compile wrote there (listed in {@value Vault#COMPILE_MANIFEST})
 * are removed first; nothing else in the folder is touched.
 */
final class CompileOperation
{
    private final Plan plan;

    CompileOperation(Plan plan)
    {
        this.plan = requireNonNull(plan, "plan is null");
    }

    ImmutableList<Path> execute(Path folder)
    {
        ImmutableList.Builder<Path> written = ImmutableList.builder();
        Path manifest = folder.resolve(Vault.COMPILE_MANIFEST);
        try {
            if (Files.isRegularFile(manifest)) {
                for (String file : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                    Path old = folder.resolve(file).normalize();
                    if (!file.isBlank() && old.startsWith(folder.normalize()) && old.toString().endsWith(".sql")) {
                        Files.deleteIfExists(old);
                    }
                }
            }
            for (ModelPlan model : plan.models().values()) {
                if (model.steps().isEmpty()) {
                    continue;
                }
                Path file = folder.resolve(model.model().kind().layer().name().toLowerCase(Locale.ROOT)).resolve(model.model().name() + ".sql");
                Files.createDirectories(file.getParent());
                Files.writeString(file, PlanScript.of(model), StandardCharsets.UTF_8);
                written.add(file);
            }
            ImmutableList<Path> files = written.build();
            Files.write(manifest, files.stream().map(file -> folder.relativize(file).toString()).toList(), StandardCharsets.UTF_8);
            return files;
        }
        catch (IOException e) {
            throw new VaultException(ErrorCode.INTERNAL, "cannot write compiled SQL to " + folder + ": " + e.getMessage(), e);
        }
    }
}
