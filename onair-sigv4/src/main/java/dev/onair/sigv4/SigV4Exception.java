package dev.onair.sigv4;

import java.util.Objects;

/**
 * Checked carrier of a {@link SigV4Failure} for the parser and chunk decoder, where a failure ends the work at once.
 * Checked on purpose: callers must map it to a wire error, never let it surface as a 500.
 */
public final class SigV4Exception extends Exception {
    private final transient SigV4Failure failure;

    public SigV4Exception(SigV4Failure failure) {
        super(Objects.requireNonNull(failure, "failure is null").message(), null, false, false);
        this.failure = failure;
    }

    public SigV4Failure failure() {
        return failure;
    }
}
