package dev.vault.runner;

import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Satellite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** vault init without an engine: the example project, and a folder it refuses to write into. */
class TestInitOperation
{
    @TempDir
    Path directory;

    @Test
    void exampleProjectLoadsAndCompiles()
            throws IOException
    {
        Path project = directory.resolve("My-Shop 2");
        InitResult result = Vault.configure().projectDirectory(project).init(InitOptions.example());

        assertThat(result.directory()).isEqualTo(project.toAbsolutePath().normalize());
        assertThat(result.files()).extracting(Path::toString)
                .containsExactly("vault.yml", "models/sources.yml", "models/stages.yml", "models/silver.yml", "seeds/customers.csv", ".gitignore");
        assertThat(result.warnings()).isEmpty();
        assertThat(Files.readString(project.resolve(".gitignore"))).contains(".vault/");
        String config = Files.readString(project.resolve("vault.yml"));
        assertThat(config).contains("name: my_shop_2\n").contains("target: embedded\n").contains("    warehouse: .vault/warehouse\n").contains("# Where commands run");

        try (Vault vault = Vault.configure().projectDirectory(project).load()) {
            assertThat(vault.project().config().name()).isEqualTo("my_shop_2");
            assertThat(vault.project().model("hub_customer", Hub.class).businessKeys()).containsExactly("customer_id");
            assertThat(vault.project().model("sat_customer", Satellite.class).parent()).isEqualTo("hub_customer");
            List<Path> compiled = vault.compile(project.resolve(".vault/compiled"));
            assertThat(compiled).extracting(path -> path.getFileName().toString()).contains("stg_customers.sql", "hub_customer.sql", "sat_customer.sql");
        }
    }

    @Test
    void refusesAFolderWithAProject()
            throws IOException
    {
        Files.writeString(directory.resolve("vault.yml"), "name: mine\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Vault.configure().projectDirectory(directory).init(InitOptions.example()))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PROJECT_EXISTS))
                .hasMessageContaining("already has a vault.yml; vault init never overwrites a project. Nothing was written");
        assertThat(files()).containsExactly("vault.yml");
        assertThat(Files.readString(directory.resolve("vault.yml"))).isEqualTo("name: mine\n");
        // --from refuses before it connects: no engine is configured here, and the error is still the project's
        assertThatThrownBy(() -> Vault.configure().projectDirectory(directory).init(InitOptions.fromBronze("iceberg.bronze")))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PROJECT_EXISTS));
        assertThat(files()).containsExactly("vault.yml");
    }

    @Test
    void refusesToOverwriteAModelFile()
            throws IOException
    {
        Files.createDirectories(directory.resolve("models"));
        Files.writeString(directory.resolve("models/sources.yml"), "sources: []\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Vault.configure().projectDirectory(directory).init(InitOptions.example()))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PROJECT_EXISTS))
                .hasMessageContaining("vault init would overwrite models/sources.yml in " + directory.toAbsolutePath().normalize() + "; nothing was written");
        assertThat(files()).containsExactly("models", "models/sources.yml");
    }

    @Test
    void keepsAnExistingGitignore()
            throws IOException
    {
        Files.writeString(directory.resolve(".gitignore"), "*.class", StandardCharsets.UTF_8);
        InitResult result = Vault.configure().projectDirectory(directory).init(InitOptions.example().withName("shop"));

        assertThat(result.files()).contains(Path.of(".gitignore"));
        assertThat(Files.readString(directory.resolve(".gitignore"))).startsWith("*.class\n# vault's").endsWith(".vault/\n");
        assertThat(Files.readString(directory.resolve("vault.yml"))).contains("name: shop\n");
    }

    @Test
    void fromNeedsACatalogAndSchemaAndAnEngine()
            throws IOException
    {
        assertThatThrownBy(() -> Vault.configure().projectDirectory(directory).init(InitOptions.fromBronze("bronze")))
                .hasMessage("--from must be <catalog>.<schema> of the bronze tables, e.g. iceberg.bronze; found 'bronze'");
        assertThatThrownBy(() -> Vault.configure().projectDirectory(directory).init(InitOptions.fromBronze("iceberg.Bronze-1")))
                .hasMessageStartingWith("--from iceberg.Bronze-1: schema 'Bronze-1' is not a valid name");
        assertThatThrownBy(() -> Vault.configure().projectDirectory(directory).jdbcUrl("jdbc:trino://host:8080/iceberg?password=secret").init(InitOptions.fromBronze("iceberg.bronze")))
                .hasMessageContaining("the JDBC URL holds a password or token");
        // the embedded engine would start on an empty warehouse: say where the tables are expected instead
        assertThatThrownBy(() -> Vault.configure().projectDirectory(directory).init(InitOptions.fromBronze("iceberg.bronze")))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ENGINE_UNAVAILABLE))
                .hasMessageContaining("there is no embedded warehouse at " + directory.toAbsolutePath().normalize().resolve(".vault/warehouse"));
        assertThat(files()).isEmpty();
    }

    private List<String> files()
            throws IOException
    {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(path -> !path.equals(directory)).map(path -> directory.relativize(path).toString()).sorted().toList();
        }
    }
}
