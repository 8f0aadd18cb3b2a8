package dev.vault.core.load;

import dev.vault.core.ErrorCode;
import dev.vault.core.TestingProjects;
import dev.vault.core.VaultException;
import dev.vault.core.dialect.TestingDialect;
import dev.vault.core.dialect.TestingJdbcDriver;
import dev.vault.core.model.Location;
import dev.vault.core.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static dev.vault.core.TestingProjects.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Problems with the files of a project, rather than with what the models say. */
class TestProjectLoaderFiles
{
    @TempDir
    Path directory;

    @Test
    void missingVaultYmlSaysToPassProjectDir()
    {
        Path written = project(directory).remove("vault.yml").write();
        assertThatThrownBy(() -> ProjectLoader.load(written, TestingDialect.INSTANCE, TestingJdbcDriver.INSTANCE))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT))
                .hasMessage("no vault.yml in %s: run vault from the root of a models project, or pass --project-dir <folder with vault.yml>", directory.toAbsolutePath().normalize());
    }

    @Test
    void emptyVaultYml()
    {
        Path written = project(directory).file("vault.yml", "# nothing yet\n").write();
        assertThatThrownBy(() -> ProjectLoader.load(written, TestingDialect.INSTANCE, TestingJdbcDriver.INSTANCE))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT))
                .hasMessage("%s is empty; it needs at least 'name: <project name>'", directory.toAbsolutePath().normalize().resolve("vault.yml"));
    }

    @Test
    void emptyModelFile()
    {
        Problem problem = project(directory).file("models/empty.yml", "").problem();
        assertThat(problem.location()).isEqualTo(Location.of(Path.of("models/empty.yml")));
        assertThat(problem).hasToString("models/empty.yml: the file is empty; add models to it (e.g. 'hubs:') or delete it");
    }

    @Test
    void modelFileWithOnlyCommentsIsEmpty()
    {
        assertThat(project(directory).file("models/todo.yaml", "# hubs come later\n").problem())
                .hasToString("models/todo.yaml: the file is empty; add models to it (e.g. 'hubs:') or delete it");
    }

    @Test
    void invalidUtf8()
    {
        byte[] content = "hubs:\n  - name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(project(directory).file("models/latin1.yml", content).problem())
                .hasToString("models/latin1.yml: the file is not valid UTF-8; save it as UTF-8");
    }

    @Test
    void byteOrderMarkIsAccepted()
    {
        Project loaded = project(directory).file("models/hubs.yml", "\uFEFF" + TestingProjects.HUBS).load();
        assertThat(loaded.models()).containsKey("hub_person");
    }

    @Test
    void yamlSyntaxErrorIsAProblemWithItsLocation()
    {
        Problem problem = project(directory)
                .file("models/hubs.yml", "hubs:\n  - name: hub_person\n   hash-key: hk_person\n")
                .problem();
        assertThat(problem.location()).isEqualTo(new Location(Path.of("models/hubs.yml"), 3, 4));
        assertThat(problem.message()).startsWith("invalid YAML: ");
    }

    @Test
    void duplicateYamlKeyIsAProblem()
    {
        assertThat(project(directory).replace("models/links.yml", "    sources: [stg_people]\n", "    sources: [stg_people]\n    hash-key: hk_other\n").problem())
                .hasToString("models/links.yml:6:5: duplicate key 'hash-key' (first written at line 3); remove one of them");
    }

    @Test
    void onlyYamlFilesAreRead()
    {
        Project loaded = project(directory)
                .file("models/notes.txt", "not: [yaml")
                .file("models/extra/more.yaml", "marts:\n  - name: mart_more\n    sql: SELECT 1\n")
                .load();
        assertThat(loaded.models()).containsKey("mart_more");
    }

    @Test
    void noModels()
    {
        assertThat(project(directory)
                .remove("models/sources.yml").remove("models/stages.yml").remove("models/hubs.yml")
                .remove("models/links.yml").remove("models/satellites.yml").remove("models/marts.yml")
                .file("models/README.txt", "later")
                .problem())
                .hasToString("vault.yml: no models found under [models]; add YAML files with sources, stages, hubs, links, satellites or marts");
    }

    @Test
    void modelPathThatIsNotAFolder()
    {
        assertThat(project(directory).file("vault.yml", "name: test_vault\nmodel-paths: [models, modles]\n").problem())
                .hasToString("vault.yml:2:23: model path 'modles' is not a folder; fix 'model-paths:' or create it");
    }

    @Test
    void duplicateModelNamesAcrossFiles()
    {
        Problem problem = project(directory)
                .file("models/more.yml", """
                        hubs:
                          - name: hub_person
                            hash-key: hk_person
                            business-keys: [person_key]
                            sources: [stg_people]
                        """)
                .problem();
        assertThat(problem.location()).isEqualTo(new Location(Path.of("models/more.yml"), 2, 5));
        assertThat(problem.message()).isEqualTo("a model named 'hub_person' is already defined at models/hubs.yml:2:5; model names must be unique in a project");
    }

    @Test
    void duplicateModelNamesOfDifferentKinds()
    {
        assertThat(project(directory).file("models/more.yml", "marts:\n  - name: people\n    sql: SELECT 1\n").problem())
                .hasToString("models/sources.yml:2:5: a model named 'people' is already defined at models/more.yml:2:5; model names must be unique in a project");
    }

    @Test
    void severalFileProblemsAreReportedTogether()
    {
        Problems.InvalidProjectException exception = project(directory)
                .file("models/empty.yml", "")
                .replace("models/hubs.yml", "name: hub_company", "name: Hub_Company")
                .replace("models/links.yml", "    sources: [stg_people]\n", "    sources: [stg_people]\n    bucket: 4\n")
                .replace("models/satellites.yml", "    sources: [stg_people]\n", "    sources: [stg_people]\n    parent: hub_company\n")
                .replace("models/sources.yml", "type: integer", "type: int4")
                .failure();

        assertThat(exception.problems()).extracting(Problem::toString).containsExactly(
                "models/empty.yml: the file is empty; add models to it (e.g. 'hubs:') or delete it",
                "models/hubs.yml:7:11: hub name 'Hub_Company' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. 'hub_company')",
                "models/links.yml:6:5: unknown key 'bucket' in link 'link_person_company'; did you mean 'buckets'?",
                "models/satellites.yml:6:5: duplicate key 'parent' (first written at line 3); remove one of them",
                "models/sources.yml:9:28: 'int4' is not a column type vault stores in Iceberg; use one of: boolean, integer, bigint, real, double, decimal(p, s) with p <= 38 and s <= p, "
                        + "varchar, varchar(n), date, timestamp(6), timestamp(6) with time zone, uuid, varbinary");
        assertThat(exception.getMessage())
                .startsWith("the project has 5 problems:\n  models/empty.yml: the file is empty")
                .contains("\n  models/links.yml:6:5: unknown key 'bucket'");
    }

    @Test
    void severalReferenceProblemsAreReportedTogether()
    {
        Problems.InvalidProjectException exception = project(directory)
                .replace("models/marts.yml", "ref('sat_person')", "ref('sat_persn')")
                .replace("models/satellites.yml", "parent: hub_person", "parent: stg_people")
                .replace("models/stages.yml", "trim(full_name)", "trim(fullname)")
                .failure();

        assertThat(exception.problems()).extracting(Problem::toString).containsExactly(
                "models/marts.yml:6:1: mart 'mart_people' refers to {{ ref('sat_persn') }}, which is not a model; did you mean 'sat_person'?",
                "models/satellites.yml:3:13: satellite 'sat_person' has parent 'stg_people', which is a stage; a satellite's parent is a hub or a link",
                "models/stages.yml:5:19: unknown column 'fullname' in derived column 'name_clean' of stage 'stg_people' "
                        + "(columns of source 'people' and earlier derived columns); did you mean 'full_name'?");
        assertThat(exception.getMessage()).startsWith("the project has 3 problems:\n  models/marts.yml:6:1: ");
    }

    @Test
    void oneProblemMessage()
    {
        Problems.InvalidProjectException exception = project(directory).replace("models/hubs.yml", "sources: [stg_people]\n\n", "sources: [stg_peple]\n\n").failure();
        assertThat(exception.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT);
        assertThat(exception.errorCode().exitCode()).isEqualTo(3);
        assertThat(exception).hasMessage("the project has 1 problem:\n"
                + "  models/hubs.yml:5:15: hub 'hub_person' refers to stage 'stg_peple', which does not exist; did you mean 'stg_people'?");
    }
}
