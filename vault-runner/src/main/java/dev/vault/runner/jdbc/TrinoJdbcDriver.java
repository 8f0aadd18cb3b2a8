package dev.vault.runner.jdbc;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.dialect.JdbcDriver;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** trino-jdbc as vault connects with it: its URLs, and the connection property each target key of vault.yml sets. */
public final class TrinoJdbcDriver
        implements JdbcDriver
{
    public static final TrinoJdbcDriver INSTANCE = new TrinoJdbcDriver();

    /** What every trino-jdbc URL starts with. */
    public static final String URL_PREFIX = "jdbc:trino://";
    /** A URL for error messages to show. */
    public static final String URL_EXAMPLE = "jdbc:trino://trino.example.com:443/iceberg?SSL=true";

    // the trino-jdbc connection property each key sets: the URL must not set it too
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

    private TrinoJdbcDriver() {}

    @Override
    public boolean acceptsUrl(String url)
    {
        return url.startsWith(URL_PREFIX);
    }

    @Override
    public String urlPrefix()
    {
        return URL_PREFIX;
    }

    @Override
    public String urlExample()
    {
        return URL_EXAMPLE;
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
        if (query < 0) {
            return ImmutableList.of();
        }
        return Arrays.stream(url.substring(query + 1).split("&"))
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
        // trino-jdbc separates properties with ';' and names from values with ':'
        return ImmutableSet.of(';', ':');
    }
}
