package dev.onair.policy.document;

import java.util.List;
import java.util.Set;

/**
 * IAM's resource-format messages. IAM remembers the first such problem but reports it only after the legacy,
 * Sid and presence checks, so this returns the message instead of throwing.
 */
final class ResourceFormat {
    static final Set<String> PARTITIONS = Set.of(
            "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc");
    private static final List<String> IAM_PATH_STARTS = List.of("user/", "federated-user/", "role/", "group/",
            "instance-profile/", "mfa/", "server-certificate/", "policy/", "sms-mfa/", "saml-provider/",
            "oidc-provider/", "report/", "access-report/");

    private ResourceFormat() {
    }

    /** The AWS message for a badly formed resource, or null when it is acceptable. */
    static String problem(String resource) {
        if (resource.equals("*")) {
            return null;
        }
        int colon = resource.indexOf(':');
        if (colon < 0) {
            return "Resource " + resource + " must be in ARN format or \"*\".";
        }
        String[] parts = resource.split(":", -1);
        String partition = parts[1];
        // AWS's own managed policies write "arn:*:..." and wildcard regions, so wildcards are accepted there.
        if (!PARTITIONS.contains(partition) && !hasWildcard(partition)) {
            return "Partition \"" + partition + "\" is not valid for resource \"arn:" + partition + ":"
                    + part(parts, 2, true) + ":" + part(parts, 3, false) + ":" + part(parts, 4, false) + ":"
                    + rest(parts) + "\".";
        }
        if (parts.length < 3) {
            return "Resource vendor must be fully qualified and cannot contain regexes.";
        }
        String service = parts[2];
        String region = parts.length > 3 && !hasWildcard(parts[3]) ? parts[3] : "";
        if (service.equals("iam") && !region.isEmpty()) {
            return "IAM resource " + resource + " cannot contain region information.";
        }
        if (service.equals("s3") && !region.isEmpty()) {
            return "Resource " + resource + " can not contain region information.";
        }
        if (service.equals("iam")) {
            String path = parts.length > 5 ? String.join(":", List.of(parts).subList(5, parts.length)) : "";
            if (!path.equals("*") && !path.equals("root") && IAM_PATH_STARTS.stream().noneMatch(path::startsWith)) {
                return "IAM resource path must either be \"*\" or start with " + String.join(", ", IAM_PATH_STARTS) + ".";
            }
        }
        return null;
    }

    /** IAM's legacy parser: an ARN that uses "::" needs all six parts, and the service may not be empty. */
    static boolean passesLegacyParsing(String resource) {
        if (resource.equals("*")) {
            return true;
        }
        long colons = resource.chars().filter(c -> c == ':').count();
        if (colons < 5 && resource.contains("::")) {
            return false;
        }
        String[] parts = resource.split(":", -1);
        return parts.length < 3 || !parts[2].isEmpty();
    }

    private static boolean hasWildcard(String segment) {
        return segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0;
    }

    private static String part(String[] parts, int index, boolean firstAfterPartition) {
        if (index < parts.length && (!parts[index].isEmpty() || !firstAfterPartition || parts.length > index + 1)) {
            return parts[index];
        }
        return "*";
    }

    private static String rest(String[] parts) {
        return parts.length > 5 ? String.join(":", List.of(parts).subList(5, parts.length)) : "*";
    }
}
