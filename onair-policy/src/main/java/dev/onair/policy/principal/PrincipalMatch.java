package dev.onair.policy.principal;

/**
 * How a resource policy's Principal names the caller. The decision flow differs: a direct grant (user or session
 * ARN, "*") stands alone, a role ARN grant still needs the boundary and session policy, and an account grant only
 * delegates to the caller's identity policies.
 */
public enum PrincipalMatch {
    NONE,
    ACCOUNT,
    ROLE,
    DIRECT
}
