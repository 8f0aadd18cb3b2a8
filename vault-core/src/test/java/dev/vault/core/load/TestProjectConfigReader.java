package dev.vault.core.load;

import com.google.common.collect.ImmutableMap;
import dev.vault.core.model.DeclaredTest;
import dev.vault.core.model.Layer;
import dev.vault.core.model.Location;
import dev.vault.core.project.HashingSettings;
import dev.vault.core.project.LoadingSettings;
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
    void loadingSettings()
    {
        assertThat(project(directory).file("vault.yml", "name: minimal\n").load().config().loading())
                .isEqualTo(new LoadingSettings(LoadingSettings.NullKeys.ZERO_KEY, true, LoadingSettings.DEFAULT_END_OF_TIME,
                        LoadingSettings.Conflicts.SET_ASIDE, DeclaredTest.Severity.WARN, Optional.empty()));
        assertThat(project(directory).file("vault.yml", """
                name: strict
                loading:
                  conflicts: fail
                  conflicts-severity: error
                  unknown-member-key: '-1'
                """).load().config().loading())
                .isEqualTo(new LoadingSettings(LoadingSettings.NullKeys.ZERO_KEY, true, LoadingSettings.DEFAULT_END_OF_TIME,
                        LoadingSettings.Conflicts.FAIL, DeclaredTest.Severity.ERROR, Optional.of("-1")));
        assertThat(project(directory).file("vault.yml", "name: minimal\nloading:\n  unknown-member-key: null\n").load().config().loading().unknownMemberKey()).isEmpty();
        assertThat(project(directory).file("vault.yml", "name: typo\nloading:\n  conflicts: skip\n").problem().toString())
                .isEqualTo("vault.yml:3:14: 'conflicts' of 'loading' of vault.yml cannot be 'skip'; expected one of: fail, set-aside");
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
                .hasToString("vault.yml:5:5: unknown key 'password' in target 'prod'; expected one of: catalog, jdbc-url, password-env, password-file, schemas, "
                        + "session-properties, ssl, ssl-truststore-password-env, ssl-truststore-path, ssl-truststore-type, ssl-verification, token-env, token-file, type, user");
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

    @Test
    void trinoTargetWithEverything()
    {
        ProjectConfig config = project(directory).file("vault.yml", """
                name: test_vault
                catalog: iceberg
                targets:
                  prod:
                    jdbc-url: jdbc:trino://trino.example.com:443/iceberg
                    user: etl
                    token-file: secrets/token
                    ssl: true
                    ssl-verification: CA
                    ssl-truststore-path: certs/truststore.jks
                    ssl-truststore-password-env: TRUSTSTORE_PASSWORD
                    ssl-truststore-type: JKS
                    session-properties:
                      query_max_run_time: 2h
                      iceberg.compression_codec: ZSTD
                    catalog: lake
                    schemas:
                      silver: vault_silver
                      gold: marts
                """).load().config();
        Path root = directory.toAbsolutePath().normalize();
        assertThat(config.target("prod")).isEqualTo(new TargetConfig.Trino(
                "prod",
                "jdbc:trino://trino.example.com:443/iceberg",
                Optional.of("etl"),
                Optional.of(new TargetConfig.Credential.FromFile(TargetConfig.Credential.Kind.ACCESS_TOKEN, root.resolve("secrets/token"))),
                new TargetConfig.Tls(Optional.of(true), Optional.of(TargetConfig.Tls.Verification.CA), Optional.of(root.resolve("certs/truststore.jks")),
                        Optional.of("TRUSTSTORE_PASSWORD"), Optional.of("JKS")),
                ImmutableMap.of("query_max_run_time", "2h", "iceberg.compression_codec", "ZSTD"),
                new TargetConfig.Namespace(Optional.of("lake"), ImmutableMap.of(Layer.SILVER, "vault_silver", Layer.GOLD, "marts"))));

        // the target's names replace the project's where it gives them
        ProjectConfig prod = config.forTarget(config.target("prod"));
        assertThat(prod.catalog()).isEqualTo("lake");
        assertThat(prod.schemas()).isEqualTo(ImmutableMap.of(Layer.BRONZE, "bronze", Layer.STAGING, "silver", Layer.SILVER, "vault_silver", Layer.GOLD, "marts"));
        assertThat(config.forTarget(config.target("embedded"))).isSameAs(config);
    }

    @Test
    void credentialKinds()
    {
        Path root = directory.toAbsolutePath().normalize();
        assertThat(trino("password-file: ../secrets/trino-password\n").credential())
                .contains(new TargetConfig.Credential.FromFile(TargetConfig.Credential.Kind.PASSWORD, root.resolve("../secrets/trino-password").normalize()));
        assertThat(trino("token-env: TRINO_TOKEN\n").credential())
                .contains(new TargetConfig.Credential.FromEnvironment(TargetConfig.Credential.Kind.ACCESS_TOKEN, "TRINO_TOKEN"));
        assertThat(trino("password-env: TRINO_PASSWORD\n").credential())
                .contains(new TargetConfig.Credential.FromEnvironment(TargetConfig.Credential.Kind.PASSWORD, "TRINO_PASSWORD"));
        assertThat(trino("user: etl\n").credential()).isEmpty();
    }

    @Test
    void embeddedTargetMayNameItsOwnSchemas()
    {
        ProjectConfig config = project(directory).file("vault.yml", "name: test_vault\ntargets:\n  ci:\n    type: embedded\n    schemas:\n      bronze: ci_bronze\n").load().config();
        assertThat(config.forTarget(config.target("ci")).schema(Layer.BRONZE)).isEqualTo("ci_bronze");
        assertThat(config.forTarget(config.target("ci")).catalog()).isEqualTo("iceberg");
    }

    @Test
    void moreThanOneCredentialIsRejected()
    {
        assertThat(project(directory).file("vault.yml", """
                name: test_vault
                targets:
                  prod:
                    jdbc-url: jdbc:trino://trino.example.com:443/iceberg?SSL=true
                    password-env: TRINO_PASSWORD
                    password-file: secrets/password
                    token-env: TRINO_TOKEN
                """).problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "vault.yml:6:5: target 'prod' has both 'password-env:' and 'password-file:'; give exactly one of password-env, password-file, token-env or token-file",
                        "vault.yml:7:5: target 'prod' has both 'password-env:' and 'token-env:'; give exactly one of password-env, password-file, token-env or token-file");
    }

    @Test
    void secretWrittenWhereItsVariableBelongsIsRejectedWithoutQuotingIt()
    {
        Problem problem = project(directory).file("vault.yml", """
                name: test_vault
                targets:
                  prod:
                    jdbc-url: jdbc:trino://trino.example.com:443/iceberg?SSL=true
                    token-env: eyJhbGciOi.J9-xyz
                """).problem();
        assertThat(problem).hasToString("vault.yml:5:16: 'token-env' of target 'prod' must name an environment variable (letters, digits and underscores), not hold the secret itself");
        assertThat(problem.toString()).doesNotContain("eyJhbGciOi");
    }

    @Test
    void tlsSettingsAreChecked()
    {
        assertThat(project(directory).file("vault.yml", """
                name: test_vault
                targets:
                  prod:
                    jdbc-url: jdbc:trino://trino.example.com:443/iceberg
                    ssl-verification: FULL
                """).problem())
                .hasToString("vault.yml:5:5: 'ssl-verification' of target 'prod' needs TLS: add 'ssl: true'");
        assertThat(project(directory).file("vault.yml", """
                name: test_vault
                targets:
                  prod:
                    jdbc-url: jdbc:trino://trino.example.com:443/iceberg
                    ssl: true
                    ssl-verification: PARTIAL
                """).problem())
                .hasToString("vault.yml:6:23: 'ssl-verification' of target 'prod' cannot be 'PARTIAL'; expected one of: ca, full, none");
        assertThat(project(directory).file("vault.yml", """
                name: test_vault
                targets:
                  prod:
                    jdbc-url: jdbc:trino://trino.example.com:443/iceberg
                    ssl: yes
                """).problem())
                .hasToString("vault.yml:5:10: 'ssl' of target 'prod' must be true or false, found 'yes'");
        assertThat(project(directory).file("vault.yml", """
                name: test_vault
                targets:
                  prod:
                    jdbc-url: jdbc:trino://trino.example.com:443/iceberg?SSL=true
                    ssl-verification: NONE
                    ssl-truststore-path: truststore.jks
                """).problem())
                .hasToString("vault.yml:6:5: target 'prod' has 'ssl-verification: NONE', which uses no trust store; remove 'ssl-truststore-path:' or verify with FULL or CA");
        assertThat(project(directory).file("vault.yml", """
                name: test_vault
                targets:
                  prod:
                    jdbc-url: jdbc:trino://trino.example.com:443/iceberg
                    ssl: true
                    ssl-truststore-password-env: TRUSTSTORE_PASSWORD
                """).problem())
                .hasToString("vault.yml:6:5: 'ssl-truststore-password-env' of target 'prod' needs 'ssl-truststore-path:'");
    }

    @Test
    void propertySetInTheUrlAndInTheTargetIsRejected()
    {
        assertThat(project(directory).file("vault.yml", """
                name: test_vault
                targets:
                  prod:
                    jdbc-url: jdbc:trino://trino.example.com:443/iceberg?SSL=true&sessionProperties=query_max_run_time:1h
                    ssl: true
                    session-properties:
                      query_max_run_time: 2h
                """).problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "vault.yml:5:5: target 'prod' sets 'SSL' both with 'ssl:' and in its 'jdbc-url'; remove it from one of them",
                        "vault.yml:6:5: target 'prod' sets 'sessionProperties' both with 'session-properties:' and in its 'jdbc-url'; remove it from one of them");
    }

    @Test
    void sessionPropertiesAreChecked()
    {
        assertThat(project(directory).file("vault.yml", """
                name: test_vault
                targets:
                  prod:
                    jdbc-url: jdbc:trino://trino.example.com:443/iceberg
                    session-properties:
                      Query-Max-Run-Time: 2h
                      a.b.c: x
                      query_priority: "1;drop"
                      time_zone: ""
                      join_distribution_type: [a]
                """).problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "vault.yml:6:7: session property 'Query-Max-Run-Time' of target 'prod' is not a valid name: use lower-case letters, digits and underscores, as 'name' or 'catalog.name' (e.g. query_max_run_time, iceberg.compression_codec)",
                        "vault.yml:7:7: session property 'a.b.c' of target 'prod' is not a valid name: use lower-case letters, digits and underscores, as 'name' or 'catalog.name' (e.g. query_max_run_time, iceberg.compression_codec)",
                        "vault.yml:8:23: session property 'query_priority' of target 'prod' cannot contain ';' or ':'",
                        "vault.yml:9:18: 'time_zone' of 'session-properties' of target 'prod' is empty",
                        "vault.yml:10:31: 'join_distribution_type' of 'session-properties' of target 'prod' must be a single value, found a list");
        assertThat(project(directory).file("vault.yml", "name: test_vault\ntargets:\n  prod:\n    jdbc-url: jdbc:trino://h:8080\n    session-properties: [a]\n").problem())
                .hasToString("vault.yml:5:25: 'session-properties' of target 'prod' must be a mapping of 'key: value' lines, found a list");
    }

    @Test
    void targetSchemasAreChecked()
    {
        assertThat(project(directory).file("vault.yml", """
                name: test_vault
                targets:
                  prod:
                    jdbc-url: jdbc:trino://trino.example.com:443/iceberg
                    catalog: "lake;"
                    schemas:
                      silvr: s
                """).problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "vault.yml:5:14: catalog 'lake;' is not a valid name: use lower-case letters, digits and underscores, starting with a letter (e.g. 'lake_')",
                        "vault.yml:7:7: unknown key 'silvr' in 'schemas' of target 'prod'; did you mean 'silver'?");
    }

    private TargetConfig.Trino trino(String keys)
    {
        String yaml = "name: test_vault\ntargets:\n  prod:\n    jdbc-url: jdbc:trino://h:443/iceberg?SSL=true\n" + keys.indent(4);
        return (TargetConfig.Trino) project(directory).file("vault.yml", yaml).load().config().target("prod");
    }
}
