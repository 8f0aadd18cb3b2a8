package dev.vault.runner.jdbc;

import com.google.common.collect.ImmutableSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TestRedaction
{
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:trino://h:443/iceberg?password=s3cret              | jdbc:trino://h:443/iceberg?password=****",
            "jdbc:trino://h:443/iceberg?SSL=true&password=s3cret&user=etl | jdbc:trino://h:443/iceberg?SSL=true&password=****&user=etl",
            "jdbc:trino://h:443/iceberg?SSL=true&PASSWORD=s3cret     | jdbc:trino://h:443/iceberg?SSL=true&PASSWORD=****",
            "jdbc:trino://h:443/iceberg?Password=s3cret&SSL=true     | jdbc:trino://h:443/iceberg?Password=****&SSL=true",
            "jdbc:trino://h:443/iceberg?accessToken=eyJhbGciOi.x.y    | jdbc:trino://h:443/iceberg?accessToken=****",
            "jdbc:trino://h:443/iceberg?SSL=true&ACCESSTOKEN=abc      | jdbc:trino://h:443/iceberg?SSL=true&ACCESSTOKEN=****",
            "jdbc:trino://h:443/iceberg?SSLKeyStorePath=/k.jks&SSLKeyStorePassword=changeit | jdbc:trino://h:443/iceberg?SSLKeyStorePath=/k.jks&SSLKeyStorePassword=****",
            "jdbc:trino://h:443/iceberg?sslkeystorepassword=changeit | jdbc:trino://h:443/iceberg?sslkeystorepassword=****",
            "jdbc:trino://h:443/iceberg?SSLTrustStorePassword=changeit | jdbc:trino://h:443/iceberg?SSLTrustStorePassword=****",
            "jdbc:trino://h:443/iceberg?extraCredentials=k:v         | jdbc:trino://h:443/iceberg?extraCredentials=****",
            "jdbc:trino://etl:s3cret@h:443/iceberg                    | jdbc:trino://****@h:443/iceberg",
            "jdbc:trino://etl:s3cret@h:443/iceberg?password=other     | jdbc:trino://****@h:443/iceberg?password=****",
    })
    void jdbcUrlMasksCredentials(String url, String expected)
    {
        assertThat(Redaction.jdbcUrl(url)).isEqualTo(expected).doesNotContain("s3cret").doesNotContain("changeit");
    }

    @Test
    void jdbcUrlWithoutCredentialsIsUnchanged()
    {
        String url = "jdbc:trino://trino.example.com:443/iceberg/silver?SSL=true&user=etl&source=vault";
        assertThat(Redaction.jdbcUrl(url)).isEqualTo(url);
        // a parameter merely ending in 'password' is not one of the credentials
        assertThat(Redaction.jdbcUrl("jdbc:trino://h/iceberg?nopassword=x")).isEqualTo("jdbc:trino://h/iceberg?nopassword=x");
    }

    @Test
    void applyMasksConfiguredSecretsAnywhere()
    {
        Redaction redaction = new Redaction(ImmutableSet.of("hunter2!", "tok-123"));

        assertThat(redaction.apply("Authentication failed for password hunter2! (hunter2!); token tok-123."))
                .isEqualTo("Authentication failed for password **** (****); token ****.");
        assertThat(redaction.apply("prefixhunter2!suffix")).isEqualTo("prefix****suffix");
        assertThat(redaction.apply("nothing secret here")).isEqualTo("nothing secret here");
        assertThat(redaction.apply(null)).isNull();
    }

    @Test
    void applyAlsoMasksCredentialsOfJdbcUrlsInTheMessage()
    {
        assertThat(Redaction.none().apply("cannot reach jdbc:trino://h:443/iceberg?password=s3cret&SSL=true: refused"))
                .isEqualTo("cannot reach jdbc:trino://h:443/iceberg?password=****&SSL=true: refused");
    }

    @Test
    void applyLeavesShortAndEmptySecretsAlone()
    {
        Redaction redaction = new Redaction(ImmutableSet.of("", "a", "ab"));

        // masking a one- or two-character secret would garble every message (and "" matches everywhere)
        assertThat(redaction.apply("a table about ab testing")).isEqualTo("a table about ab testing");
        assertThat(new Redaction(ImmutableSet.of("abc")).apply("abcd")).isEqualTo("****d");
    }

    @Test
    void jdbcUrlMasksThePasswordUpToTheNextParameter()
    {
        assertThat(Redaction.jdbcUrl("jdbc:trino://h:443/iceberg?SSL=true&password=pa;ss;word&user=etl"))
                .isEqualTo("jdbc:trino://h:443/iceberg?SSL=true&password=****&user=etl")
                .doesNotContain("ss;word");
    }

    @Test
    void applyMasksTheWholeOfOverlappingSecrets()
    {
        Redaction redaction = new Redaction(ImmutableSet.of("s3cret", "s3cret-token-xyz"));

        assertThat(redaction.apply("token s3cret-token-xyz rejected"))
                .isEqualTo("token **** rejected")
                .doesNotContain("token-xyz");
    }
}
