package dev.onair.policy;

import dev.onair.policy.document.DocumentChecks;
import dev.onair.policy.document.PolicyDocument;
import java.util.Objects;

/** Parses policy text the way IAM does at write time, rejecting what IAM rejects with IAM's message. */
public final class PolicyParser {
    private PolicyParser() {
    }

    /**
     * Parses a document; a missing Version or 2008-10-17 is accepted (AWS treats it as the legacy grammar, in which
     * policy variables are literal text).
     */
    public static PolicyDocument parse(String json, PolicyKind kind) {
        return parse(json, kind, false);
    }

    /**
     * As {@link #parse(String, PolicyKind)}; {@code requireCurrentVersion} adds IAM's CreatePolicy rule
     * "Policy document must be version 2012-10-17 or greater."
     */
    public static PolicyDocument parse(String json, PolicyKind kind, boolean requireCurrentVersion) {
        Objects.requireNonNull(kind, "kind is null");
        if (json == null) {
            throw new MalformedPolicyDocumentException(MalformedPolicyDocumentException.SYNTAX);
        }
        return DocumentChecks.parse(json, kind, requireCurrentVersion);
    }
}
