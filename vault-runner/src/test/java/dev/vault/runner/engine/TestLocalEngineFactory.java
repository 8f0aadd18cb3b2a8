package dev.vault.runner.engine;

import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestLocalEngineFactory
{
    @TempDir
    Path temp;

    @AfterEach
    void clearProperty()
    {
        System.clearProperty(LocalEngineFactory.ENGINE_CLASSPATH);
    }

    @Test
    void withoutTheEmbeddedEngineTheErrorSaysHowToGetOne()
    {
        // vault-runner's own tests have no vault-embedded on the classpath
        assertThatThrownBy(LocalEngineFactory::load)
                .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ENGINE_UNAVAILABLE))
                .hasMessageContaining("add the dependency dev.vault:vault-embedded");
    }

    @Test
    void anEngineClassPathWithoutTheEngineGivesTheSameError()
    {
        System.setProperty(LocalEngineFactory.ENGINE_CLASSPATH, temp.resolve("empty.jar") + File.pathSeparator + temp);
        assertThatThrownBy(LocalEngineFactory::load)
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("the embedded engine is not on the classpath");
    }
}
