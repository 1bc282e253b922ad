package dev.onair.policy.validation;

import java.util.List;

/** An Access Analyzer ValidatePolicy finding; {@code path} locates it in the document (empty = whole document). */
public record Finding(FindingType findingType, String issueCode, String message, List<PathElement> path) {
    public Finding {
        path = List.copyOf(path);
    }

    /** The learn-more link AWS attaches to each finding. */
    public String learnMoreLink() {
        String type = switch (findingType) {
            case ERROR -> "error";
            case SECURITY_WARNING -> "security-warning";
            case WARNING -> "general-warning";
            case SUGGESTION -> "suggestion";
        };
        return "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html"
                + "#access-analyzer-reference-policy-checks-" + type + "-"
                + issueCode.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return findingType + " " + issueCode + " at " + path + ": " + message;
    }
}
