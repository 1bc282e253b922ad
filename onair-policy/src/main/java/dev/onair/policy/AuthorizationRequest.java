package dev.onair.policy;

import java.util.Objects;

/**
 * One decision to make. {@code resourceArn} is "*" for actions that have no resource type.
 */
public record AuthorizationRequest(PrincipalInfo principal, String action, String resourceArn, RequestContext context) {
    public AuthorizationRequest {
        Objects.requireNonNull(principal, "principal is null");
        Objects.requireNonNull(action, "action is null");
        resourceArn = resourceArn == null ? "*" : resourceArn;
        context = context == null ? RequestContext.empty() : context;
    }
}
