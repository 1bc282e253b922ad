package dev.onair.policy;

/** Which grammar a policy document is parsed with; boundaries and session policies use the identity grammar. */
public enum PolicyKind {
    IDENTITY,
    RESOURCE,
    TRUST,
    BOUNDARY,
    SESSION;

    /** Identity-grammar kinds forbid Principal and require Resource. */
    public boolean usesIdentityGrammar() {
        return this == IDENTITY || this == BOUNDARY || this == SESSION;
    }
}
