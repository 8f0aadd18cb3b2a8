package dev.vault.core.load;

import com.google.common.collect.ImmutableMap;
import dev.vault.core.model.Layer;
import dev.vault.core.model.Location;
import dev.vault.core.project.HashingSettings;
import dev.vault.core.project.ProjectConfig;
import dev.vault.core.project.TargetConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static dev.vault.core.TestingProjects.project;
import static org.assertj.core.api.Assertions.assertThat;

/** vault.yml, read through {@link ProjectLoader}. */
class TestProjectConfigReader
{
    private static final Path VAULT_YML = Path.of("vault.yml");

    @TempDir
    Path directory;

    @Test
    void defaults()
    {
        ProjectConfig config = project(directory).file("vault.yml", "name: minimal\n").load().config();
        Path root = directory.toAbsolutePath().normalize();
        assertThat(config.name()).isEqualTo("minimal");
        assertThat(config.root()).isEqualTo(root);
        assertThat(config.modelPaths()).containsExactly(root.resolve("models"));
        assertThat(config.seedPaths()).containsExactly(root.resolve("seeds"));
        assertThat(config.targetPath()).isEqualTo(root.resolve(".vault"));
        assertThat(config.catalog()).isEqualTo("iceberg");
        assertThat(config.schemas()).isEqualTo(ImmutableMap.of(Layer.BRONZE, "bronze", Layer.STAGING, "silver", Layer.SILVER, "silver", Layer.GOLD, "gold"));
        assertThat(config.hashing()).isEqualTo(HashingSettings.defaults());
        assertThat(config.hashing().zeroKey()).isEqualTo("0".repeat(64));
        assertThat(config.defaultTarget()).isEqualTo("embedded");
        assertThat(config.targets()).containsExactly(Map.entry("embedded", new TargetConfig.Embedded("embedded", root.resolve(".vault/warehouse"), OptionalInt.empty())));
    }

    @Test
    void everything()
    {
        ProjectConfig config = project(directory).file("vault.yml", """
                name: full
                version: 1
                model-paths: [models]
                seed-paths: [data/a, data/b]
                target-path: build
                catalog: lake
                schemas:
                  bronze: raw
                  gold: marts
                target: prod
                targets:
                  dev:
                    type: embedded
                    warehouse: /tmp/warehouse
                    port: 8081
                  prod:
                    jdbc-url: jdbc:trino://trino.example.com:443/lake?SSL=true
                    user: etl
                    password-env: TRINO_PASSWORD
                hashing:
                  algorithm: md5
                  business-key-case: preserve
                """).load().config();
        Path root = directory.toAbsolutePath().normalize();
        assertThat(config.seedPaths()).containsExactly(root.resolve("data/a"), root.resolve("data/b"));
        assertThat(config.targetPath()).isEqualTo(root.resolve("build"));
        assertThat(config.catalog()).isEqualTo("lake");
        assertThat(config.schema(Layer.BRONZE)).isEqualTo("raw");
        assertThat(config.schema(Layer.STAGING)).isEqualTo("silver");
        assertThat(config.schema(Layer.GOLD)).isEqualTo("marts");
        assertThat(config.hashing()).isEqualTo(new HashingSettings(HashingSettings.Algorithm.MD5, HashingSettings.KeyCase.PRESERVE));
        assertThat(config.hashing().zeroKey()).hasSize(32);
        assertThat(config.defaultTarget()).isEqualTo("prod");
        assertThat(config.targets()).containsOnlyKeys("embedded", "dev", "prod");
        assertThat(config.target("embedded")).isEqualTo(new TargetConfig.Embedded("embedded", root.resolve("build/warehouse"), OptionalInt.empty()));
        assertThat(config.target("dev")).isEqualTo(new TargetConfig.Embedded("dev", Path.of("/tmp/warehouse"), OptionalInt.of(8081)));
        assertThat(config.target("prod")).isEqualTo(new TargetConfig.Trino("prod", "jdbc:trino://trino.example.com:443/lake?SSL=true", Optional.of("etl"), Optional.of("TRINO_PASSWORD")));
    }

    @Test
    void unknownKey()
    {
        assertThat(project(directory).file("vault.yml", "name: test_vault\nmodel-path: [models]\n").problem())
                .isEqualTo(new Problem(new Location(VAULT_YML, 2, 1), "unknown key 'model-path' in vault.yml; did you mean 'model-paths'?"));
    }

    @Test
    void unknownKeyInSection()
    {
        assertThat(project(directory).file("vault.yml", "name: test_vault\nschemas:\n  silvr: s\n").problem())
                .hasToString("vault.yml:3:3: unknown key 'silvr' in 'schemas' of vault.yml; did you mean 'silver'?");
        assertThat(project(directory).file("vault.yml", "name: test_vault\nhashing:\n  salt: x\n").problem())
                .hasToString("vault.yml:3:3: unknown key 'salt' in 'hashing' of vault.yml; expected one of: algorithm, business-key-case");
    }

    @Test
    void missingName()
    {
        assertThat(project(directory).file("vault.yml", "catalog: iceberg\n").problem())
                .hasToString("vault.yml:1:1: vault.yml is missing 'name:'");
    }

    @Test
    void vaultYmlNotAMapping()
    {
        assertThat(project(directory).file("vault.yml", "- name: x\n").problem())
                .hasToString("vault.yml:1:1: vault.yml must be a mapping of 'key: value' lines, found a list");
    }

    @Test
    void invalidNames()
    {
        assertThat(project(directory).file("vault.yml", "name: Test-Vault\ncatalog: my catalog\nschemas:\n  gold: \"gold;\"\n").problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "vault.yml:1:7: project name 'Test-Vault' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. 'test_vault')",
                        "vault.yml:2:10: catalog 'my catalog' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. 'my_catalog')",
                        "vault.yml:4:9: schema 'gold;' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. 'gold_')");
    }

    @Test
    void unsupportedVersion()
    {
        assertThat(project(directory).file("vault.yml", "name: test_vault\nversion: 2\n").problem())
                .hasToString("vault.yml:2:10: this vault reads project format version 1, the file says 2; upgrade vault");
    }

    @Test
    void badHashingAlgorithm()
    {
        assertThat(project(directory).file("vault.yml", "name: test_vault\nhashing:\n  algorithm: sha265\n").problem())
                .isEqualTo(new Problem(new Location(VAULT_YML, 3, 14), "'algorithm' of 'hashing' of vault.yml cannot be 'sha265'; did you mean 'sha256'?"));
        assertThat(project(directory).file("vault.yml", "name: test_vault\nhashing:\n  algorithm: blake3\n").problem())
                .hasToString("vault.yml:3:14: 'algorithm' of 'hashing' of vault.yml cannot be 'blake3'; expected one of: md5, sha1, sha256, sha512");
    }

    @Test
    void passwordInJdbcUrlIsRejected()
    {
        assertThat(project(directory).file("vault.yml", """
                name: test_vault
                targets:
                  prod:
                    type: trino
                    jdbc-url: jdbc:trino://trino.example.com:443/iceberg?SSL=true&password=hunter2
                """).problem())
                .isEqualTo(new Problem(new Location(VAULT_YML, 5, 15),
                        "'jdbc-url' of target 'prod' must not hold a password or token; put it in an environment variable and name it with 'password-env:'"));
        assertThat(project(directory).file("vault.yml", """
                name: test_vault
                targets:
                  prod:
                    jdbc-url: jdbc:trino://trino.example.com:443/iceberg?accessToken=abc
                """).problem().message())
                .isEqualTo("'jdbc-url' of target 'prod' must not hold a password or token; put it in an environment variable and name it with 'password-env:'");
    }

    @Test
    void jdbcUrlMustBeTrino()
    {
        assertThat(project(directory).file("vault.yml", "name: test_vault\ntargets:\n  prod:\n    jdbc-url: jdbc:postgresql://db/x\n").problem())
                .hasToString("vault.yml:4:15: 'jdbc-url' of target 'prod' must start with 'jdbc:trino://', e.g. jdbc:trino://trino.example.com:443/iceberg?SSL=true");
        assertThat(project(directory).file("vault.yml", "name: test_vault\ntargets:\n  prod:\n    user: etl\n").problem())
                .hasToString("vault.yml:4:5: target 'prod' is missing 'jdbc-url:'");
    }

    @Test
    void unknownTargetType()
    {
        assertThat(project(directory).file("vault.yml", "name: test_vault\ntargets:\n  prod:\n    type: spark\n").problem())
                .hasToString("vault.yml:4:11: target 'prod' has type 'spark'; use 'embedded' or 'trino'");
    }

    @Test
    void unknownKeyInTarget()
    {
        assertThat(project(directory).file("vault.yml", "name: test_vault\ntargets:\n  prod:\n    jdbc-url: jdbc:trino://h:8080\n    password: x\n").problem())
                .hasToString("vault.yml:5:5: unknown key 'password' in target 'prod'; expected one of: jdbc-url, password-env, type, user");
    }

    @Test
    void defaultTargetMustBeDefined()
    {
        assertThat(project(directory).file("vault.yml", """
                name: test_vault
                target: prod
                targets:
                  prd:
                    type: trino
                    jdbc-url: jdbc:trino://trino.example.com:443/iceberg
                """).problem())
                .isEqualTo(new Problem(new Location(VAULT_YML, 2, 9), "target 'prod' is not defined under 'targets:'; did you mean 'prd'?"));
        assertThat(project(directory).file("vault.yml", "name: test_vault\ntarget: production\n").problem())
                .hasToString("vault.yml:2:9: target 'production' is not defined under 'targets:'; expected one of: embedded");
    }

    @Test
    void vaultYmlProblemsAreReportedBeforeModels()
    {
        assertThat(project(directory)
                .file("vault.yml", "name: test_vault\nhashing:\n  algorithm: sha265\n")
                .replace("models/hubs.yml", "hash-key: hk_person", "hash_key: hk_person")
                .problems())
                .extracting(Problem::toString)
                .containsExactly("vault.yml:3:14: 'algorithm' of 'hashing' of vault.yml cannot be 'sha265'; did you mean 'sha256'?");
    }
}
