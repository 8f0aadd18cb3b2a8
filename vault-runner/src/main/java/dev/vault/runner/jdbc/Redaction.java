package dev.vault.runner.jdbc;

import com.google.common.collect.ImmutableSet;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Keeps secrets out of everything vault prints or writes: JDBC URL parameters that carry
 * credentials are masked, and known secret values are replaced wherever they appear.
 */
public final class Redaction
{
    // trino-jdbc splits parameters on '&' only: a ';' belongs to the value
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&;](?:password|accesstoken|sslkeystorepassword|ssltruststorepassword|kerberoskeytabpath|extracredentials)=)([^&]*)");
    private static final Pattern USER_INFO = Pattern.compile("(://)([^/@?#]+)@");
    private static final String MASK = "****";

    private final ImmutableSet<String> secrets;

    public Redaction(ImmutableSet<String> secrets)
    {
        // longest first: a secret that contains another must be masked whole
        this.secrets = requireNonNull(secrets, "secrets is null").stream()
                .filter(secret -> secret.length() >= 3)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .collect(ImmutableSet.toImmutableSet());
    }

    public static Redaction none()
    {
        return new Redaction(ImmutableSet.of());
    }

    public static String jdbcUrl(String url)
    {
        String redacted = SECRET_PARAMETER.matcher(url).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
        return USER_INFO.matcher(redacted).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK + "@"));
    }

    /** Masks known secrets and credential parameters of any JDBC URL in a message. */
    public String apply(String message)
    {
        if (message == null) {
            return null;
        }
        String redacted = message;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, MASK);
        }
        return jdbcUrl(redacted);
    }
}
