package dev.vault.core;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type vault throws for anything a user can act on. The message is written
 * for the user: where the problem is and what to do about it.
 */
public class VaultException
        extends RuntimeException
{
    private final ErrorCode errorCode;

    public VaultException(ErrorCode errorCode, String message)
    {
        super(requireNonNull(message, "message is null"));
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    public VaultException(ErrorCode errorCode, String message, Throwable cause)
    {
        super(requireNonNull(message, "message is null"), cause);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    public ErrorCode errorCode()
    {
        return errorCode;
    }
}
