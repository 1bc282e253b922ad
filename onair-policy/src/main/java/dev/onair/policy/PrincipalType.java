package dev.onair.policy;

/** Kinds of caller; {@link #contextValue()} is what AWS puts in aws:PrincipalType. */
public enum PrincipalType {
    ROOT("Account"),
    USER("User"),
    ASSUMED_ROLE("AssumedRole"),
    FEDERATED_USER("FederatedUser"),
    ANONYMOUS("Anonymous"),
    SERVICE("AWSService");

    private final String contextValue;

    PrincipalType(String contextValue) {
        this.contextValue = contextValue;
    }

    public String contextValue() {
        return contextValue;
    }
}
