package dev.onair.policy;

/** AWS's AccessDenied text, e.g. "User: ARN is not authorized to perform: ACTION on resource: ARN because ...". */
public final class AccessDeniedMessage {
    private AccessDeniedMessage() {
    }

    public static String format(String principalArn, String action, String resourceArn, EvaluationResult result) {
        if (result.allowed()) {
            throw new IllegalArgumentException("an allowed request has no denial message");
        }
        StringBuilder text = new StringBuilder("User: ").append(principalArn == null ? "anonymous" : principalArn)
                .append(" is not authorized to perform: ").append(action);
        if (resourceArn != null) {
            text.append(" on resource: ").append(resourceArn);
        }
        String policy = policyWords(result.source());
        if (result.decision() == Decision.EXPLICIT_DENY) {
            text.append(" with an explicit deny in ").append(article(policy)).append(' ').append(policy);
        } else {
            text.append(" because no ").append(policy).append(" allows the ").append(action).append(" action");
        }
        return text.toString();
    }

    private static String policyWords(DenialSource source) {
        return switch (source) {
            case PERMISSIONS_BOUNDARY -> "permissions boundary";
            case SESSION_POLICY -> "session policy";
            case RESOURCE_POLICY -> "resource-based policy";
            case IDENTITY_POLICY, NONE -> "identity-based policy";
        };
    }

    private static String article(String words) {
        return "aeiou".indexOf(words.charAt(0)) >= 0 ? "an" : "a";
    }
}
