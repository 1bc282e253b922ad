package dev.onair.policy;

import dev.onair.policy.condition.ConditionContext;
import dev.onair.policy.resource.ArnPattern;
import java.util.List;

/**
 * The request as conditions and variables see it: the caller's context keys first, then the principal-derived
 * globals (aws:username, aws:userid, aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType, aws:PrincipalTag/k)
 * when the caller did not set them. One per evaluation; not shared.
 */
final class EvaluationContext implements ConditionContext {
    private static final String PRINCIPAL_TAG = "aws:principaltag/";

    private final AuthorizationRequest request;
    private String[] arnParts;
    private boolean arnSplit;

    EvaluationContext(AuthorizationRequest request) {
        this.request = request;
    }

    String resource() {
        return request.resourceArn();
    }

    String[] arnParts() {
        if (!arnSplit) {
            arnParts = ArnPattern.split(request.resourceArn());
            arnSplit = true;
        }
        return arnParts;
    }

    @Override
    public List<String> values(String lowerCaseKey) {
        List<String> explicit = request.context().getLowerCase(lowerCaseKey);
        if (explicit != null) {
            return explicit;
        }
        return principalValue(lowerCaseKey);
    }

    private List<String> principalValue(String key) {
        PrincipalInfo principal = request.principal();
        if (!key.startsWith("aws:")) {
            return null;
        }
        if (key.startsWith(PRINCIPAL_TAG)) {
            return listOf(principal.tag(key.substring(PRINCIPAL_TAG.length())));
        }
        return switch (key) {
            case "aws:username" -> listOf(principal.userName());
            case "aws:userid" -> listOf(principal.userId());
            case "aws:principalarn" -> listOf(principal.arn());
            case "aws:principalaccount" -> listOf(principal.accountId());
            case "aws:principaltype" -> listOf(principal.type().contextValue());
            default -> null;
        };
    }

    private static List<String> listOf(String value) {
        return value == null ? null : List.of(value);
    }
}
