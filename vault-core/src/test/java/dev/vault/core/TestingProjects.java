package dev.vault.core;

import dev.vault.core.dialect.TestingDialect;
import dev.vault.core.dialect.TestingJdbcDriver;
import dev.vault.core.load.Problem;
import dev.vault.core.load.Problems;
import dev.vault.core.load.ProjectLoader;
import dev.vault.core.model.Project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

/**
 * Writes a small, valid models project into a folder (typically a {@code @TempDir}): one source,
 * its stage, two hubs, a link, a satellite and a mart, one kind per file under {@code models/}.
 * Tests replace single files (or lines of them) to plant one problem at a known line.
 */
public final class TestingProjects
{
    public static final String VAULT_YML = """
            name: test_vault
            model-paths: [models]
            seed-paths: [seeds]
            """;

    public static final String SOURCES = """
            sources:
              - name: people
                record-source: crm
                load-timestamp: _loaded_at
                columns:
                  - { name: person_key, type: varchar }
                  - { name: full_name, type: varchar }
                  - { name: company_id, type: varchar }
                  - { name: age, type: integer }
                  - { name: _loaded_at, type: timestamp(6) with time zone }
            """;

    public static final String STAGES = """
            stages:
              - name: stg_people
                source: people
                derived-columns:
                  name_clean: "trim(full_name)"
                  age_years: { sql: "age", type: integer }
                hash-keys:
                  hk_person: [person_key]
                  hk_company: [company_id]
                  hk_person_company: [person_key, company_id]
                hashdiffs:
                  hd_person: [name_clean, age_years]
            """;

    public static final String HUBS = """
            hubs:
              - name: hub_person
                hash-key: hk_person
                business-keys: [person_key]
                sources: [stg_people]

              - name: hub_company
                hash-key: hk_company
                business-keys: [company_id]
                sources: [stg_people]
            """;

    public static final String LINKS = """
            links:
              - name: link_person_company
                hash-key: hk_person_company
                hubs: [hub_person, hub_company]
                sources: [stg_people]
            """;

    public static final String SATELLITES = """
            satellites:
              - name: sat_person
                parent: hub_person
                hashdiff: hd_person
                sources: [stg_people]
            """;

    public static final String MARTS = """
            marts:
              - name: mart_people
                sql: |
                  SELECT p.person_key, s.name_clean
                  FROM {{ ref('hub_person') }} AS p
                  JOIN {{ ref('sat_person') }} AS s ON s.hk_person = p.hk_person
            """;

    private final Path root;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private TestingProjects(Path root)
    {
        this.root = root;
        file("vault.yml", VAULT_YML);
        file("models/sources.yml", SOURCES);
        file("models/stages.yml", STAGES);
        file("models/hubs.yml", HUBS);
        file("models/links.yml", LINKS);
        file("models/satellites.yml", SATELLITES);
        file("models/marts.yml", MARTS);
    }

    /** The valid default project, to be written into {@code root}. */
    public static TestingProjects project(Path root)
    {
        return new TestingProjects(root);
    }

    /** Adds a file, or replaces one of the defaults. */
    public TestingProjects file(String path, String content)
    {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public TestingProjects file(String path, byte[] content)
    {
        files.put(path, content);
        return this;
    }

    /** Replaces text in a file; fails if the text is not there, so a fixture cannot silently go stale. */
    public TestingProjects replace(String path, String text, String replacement)
    {
        String content = new String(files.get(path), StandardCharsets.UTF_8);
        if (!content.contains(text)) {
            fail("'%s' is not in %s:%n%s", text, path, content);
        }
        return file(path, content.replace(text, replacement));
    }

    public TestingProjects remove(String path)
    {
        if (files.remove(path) == null) {
            fail("no file %s in the test project", path);
        }
        return this;
    }

    public Path write()
    {
        try {
            for (Map.Entry<String, byte[]> entry : files.entrySet()) {
                Path file = root.resolve(entry.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, entry.getValue());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    public Project load()
    {
        return ProjectLoader.load(write(), TestingDialect.INSTANCE, TestingJdbcDriver.INSTANCE);
    }

    /** Loads the project, expecting it to be invalid, and returns the exception. */
    public Problems.InvalidProjectException failure()
    {
        Path written = write();
        Throwable thrown = catchThrowable(() -> ProjectLoader.load(written, TestingDialect.INSTANCE, TestingJdbcDriver.INSTANCE));
        assertThat(thrown).as("loading the project in %s should fail with an InvalidProjectException", root).isInstanceOf(Problems.InvalidProjectException.class);
        Problems.InvalidProjectException exception = (Problems.InvalidProjectException) thrown;
        assertThat(exception.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT);
        return exception;
    }

    /** Loads the project, expecting it to be invalid, and returns the problems reported. */
    public List<Problem> problems()
    {
        return failure().problems();
    }

    /** Loads the project, expecting exactly one problem, and returns it. */
    public Problem problem()
    {
        List<Problem> problems = problems();
        if (problems.size() != 1) {
            fail("expected one problem, got %s:%n%s", problems.size(), String.join("\n", problems.stream().map(Problem::toString).toList()));
        }
        return problems.getFirst();
    }
}
