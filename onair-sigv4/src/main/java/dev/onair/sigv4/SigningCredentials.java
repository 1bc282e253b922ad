package dev.onair.sigv4;

import java.util.Objects;

/**
 * Client-side credentials for {@link SigV4Signer}.
 *
 * @param sessionToken {@code null} for long-term keys
 */
public record SigningCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {

    public SigningCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId is null");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey is null");
    }

    public static SigningCredentials of(String accessKeyId, String secretAccessKey) {
        return new SigningCredentials(accessKeyId, secretAccessKey, null);
    }

    @Override
    public String toString() {
        return "SigningCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=<redacted>, sessionToken="
                + (sessionToken == null ? "none" : "<redacted>") + "]";
    }
}
