package dev.onair.iam.model;

import java.time.Instant;

/** A user's console password, as metadata; the Argon2id hash stays in the store. */
public record LoginProfile(String userId, String userName, Instant createDate, boolean passwordResetRequired) {}
