package dev.vault.runner;

import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.identity.IdentitySettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@code vault functions install} runs; TestVaultOnCluster runs it on a cluster. */
class TestFunctionInstall
{
    @Test
    void createsTheSchemaThenTheFourFunctionsInIt()
    {
        var statements = new FunctionInstall(IdentitySettings.defaults(), "memory", "vault").statements();

        assertThat(statements).hasSize(5);
        assertThat(statements.getFirst()).isEqualTo("CREATE SCHEMA IF NOT EXISTS \"memory\".\"vault\"");
        assertThat(statements.subList(1, 5))
                .extracting(statement -> statement.lines().filter(line -> line.startsWith("CREATE")).findFirst().orElseThrow())
                .containsExactly(
                        "CREATE OR REPLACE FUNCTION \"memory\".\"vault\".\"normalize_person_name\"(\"name\" varchar)",
                        "CREATE OR REPLACE FUNCTION \"memory\".\"vault\".\"normalize_email\"(\"email\" varchar)",
                        "CREATE OR REPLACE FUNCTION \"memory\".\"vault\".\"normalize_phone\"(\"phone\" varchar)",
                        "CREATE OR REPLACE FUNCTION \"memory\".\"vault\".\"generate_person_hash\"(\"name\" varchar, \"email\" varchar, \"phone\" varchar)");
    }

    @Test
    void aCatalogNameThatIsNoIdentifierIsRefusedBeforeAnySql()
    {
        assertThatThrownBy(() -> new FunctionInstall(IdentitySettings.defaults(), "memory\"; DROP SCHEMA x; --", "vault"))
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PROJECT))
                .hasMessageContaining("is not a valid catalog or schema name");
    }
}
