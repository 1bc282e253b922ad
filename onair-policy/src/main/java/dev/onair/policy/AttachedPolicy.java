package dev.onair.policy;

import dev.onair.policy.document.PolicyDocument;
import java.util.Objects;

/** A policy as it applies to a principal; {@code name} is the managed policy ARN or the inline policy name. */
public record AttachedPolicy(String name, PolicyDocument document) {
    public AttachedPolicy {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(document, "document is null");
    }
}
