package dev.vault.core.dialect;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * trino-jdbc's URL and property names as vault-core's tests need them, which cannot see
 * vault-runner's {@code TrinoJdbcDriver}: the tests then assert the messages users see.
 */
public final class TestingJdbcDriver
        implements JdbcDriver
{
    public static final TestingJdbcDriver INSTANCE = new TestingJdbcDriver();

    private static final ImmutableMap<String, String> PROPERTY_OF_KEY = ImmutableMap.<String, String>builder()
            .put("password-env", "password")
            .put("password-file", "password")
            .put("token-env", "accessToken")
            .put("token-file", "accessToken")
            .put("ssl", "SSL")
            .put("ssl-verification", "SSLVerification")
            .put("ssl-truststore-path", "SSLTrustStorePath")
            .put("ssl-truststore-password-env", "SSLTrustStorePassword")
            .put("ssl-truststore-type", "SSLTrustStoreType")
            .put("session-properties", "sessionProperties")
            .buildOrThrow();

    private TestingJdbcDriver() {}

    @Override
    public boolean acceptsUrl(String url)
    {
        return url.startsWith(urlPrefix());
    }

    @Override
    public String urlPrefix()
    {
        return "jdbc:trino://";
    }

    @Override
    public String urlExample()
    {
        return "jdbc:trino://trino.example.com:443/iceberg?SSL=true";
    }

    @Override
    public boolean urlHoldsSecret(String url)
    {
        return url.toLowerCase(Locale.ROOT).matches(".*[?&](password|accesstoken)=.*");
    }

    @Override
    public boolean urlEnablesTls(String url)
    {
        return url.matches("(?i).*[?&]SSL=true(&.*)?");
    }

    @Override
    public ImmutableList<String> urlProperties(String url)
    {
        int query = url.indexOf('?');
        return query < 0 ? ImmutableList.of() : Arrays.stream(url.substring(query + 1).split("&"))
                .filter(parameter -> !parameter.isEmpty())
                .map(parameter -> parameter.split("=", 2)[0])
                .collect(ImmutableList.toImmutableList());
    }

    @Override
    public Optional<String> propertyOf(String key)
    {
        return Optional.ofNullable(PROPERTY_OF_KEY.get(key));
    }

    @Override
    public ImmutableSet<Character> sessionPropertySeparators()
    {
        return ImmutableSet.of(';', ':');
    }
}
