package dev.vault.core.dialect;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import java.util.Optional;

/**
 * What vault-core needs to know of the JDBC driver a cluster target connects with, to check
 * {@code vault.yml} while it loads, with the place of each problem: the URLs it takes and the
 * connection properties its keys set. vault-core keeps the rules (no secret in a URL, a property
 * set once); the trino-jdbc driver lives in vault-runner, which connects.
 */
public interface JdbcDriver
{
    /**
     * A driver that finds nothing wrong with a target: for loading a project only to compile it,
     * where no connection is made. The runner loads with its driver.
     */
    JdbcDriver UNCHECKED = new JdbcDriver()
    {
        @Override
        public boolean acceptsUrl(String url)
        {
            return true;
        }

        @Override
        public String urlPrefix()
        {
            return "";
        }

        @Override
        public String urlExample()
        {
            return "";
        }

        @Override
        public boolean urlHoldsSecret(String url)
        {
            return false;
        }

        @Override
        public boolean urlEnablesTls(String url)
        {
            return true;
        }

        @Override
        public ImmutableList<String> urlProperties(String url)
        {
            return ImmutableList.of();
        }

        @Override
        public Optional<String> propertyOf(String key)
        {
            return Optional.empty();
        }

        @Override
        public ImmutableSet<Character> sessionPropertySeparators()
        {
            return ImmutableSet.of();
        }
    };

    /** Whether the driver takes this URL. */
    boolean acceptsUrl(String url);

    /** What every URL of the driver starts with, for messages. */
    String urlPrefix();

    /** A URL for messages to show. */
    String urlExample();

    /** Whether the URL holds a password or token, which belongs in an environment variable. */
    boolean urlHoldsSecret(String url);

    /** Whether the URL itself turns TLS on. */
    boolean urlEnablesTls(String url);

    /** The names of the connection properties the URL sets. */
    ImmutableList<String> urlProperties(String url);

    /** The connection property a target key of vault.yml sets, e.g. 'password-env' sets the password: the URL must not set it too. */
    Optional<String> propertyOf(String key);

    /** The characters the driver separates session properties with, which a value cannot contain. */
    ImmutableSet<Character> sessionPropertySeparators();
}
