package dev.onair.policy;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Who is asking, as far as the engine needs: policy variables (aws:username, aws:userid, aws:PrincipalTag/k) and
 * matching resource-policy principals.
 *
 * @param arn the principal's ARN as aws:PrincipalArn has it: user ARN, account root ARN, or for a role session the
 *     role ARN; for a service, the service principal name (e.g. ivs.amazonaws.com); null for anonymous callers
 * @param sessionArn the session ARN (arn:aws:sts::ACCT:assumed-role/ROLE/SESSION) for role and federated sessions
 * @param userName IAM user name (only users have aws:username)
 * @param userId aws:userid: AIDA... for users, ROLEID:session for sessions, the account id for root
 * @param tags principal tags (for role sessions: role tags overlaid by session tags)
 */
public record PrincipalInfo(String arn, String accountId, PrincipalType type, String sessionArn, String userName,
                            String userId, Map<String, String> tags) {
    public PrincipalInfo {
        Objects.requireNonNull(type, "type is null");
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (tags != null) {
            copy.putAll(tags);
        }
        tags = java.util.Collections.unmodifiableMap(copy);
    }

    public static PrincipalInfo root(String accountId) {
        return new PrincipalInfo("arn:aws:iam::" + accountId + ":root", accountId, PrincipalType.ROOT, null, null,
                accountId, Map.of());
    }

    public static PrincipalInfo user(String arn, String accountId, String userName, String userId,
                                     Map<String, String> tags) {
        return new PrincipalInfo(arn, accountId, PrincipalType.USER, null, userName, userId, tags);
    }

    public static PrincipalInfo assumedRole(String roleArn, String sessionArn, String accountId, String roleId,
                                            String sessionName, Map<String, String> tags) {
        return new PrincipalInfo(roleArn, accountId, PrincipalType.ASSUMED_ROLE, sessionArn, null,
                roleId + ":" + sessionName, tags);
    }

    public static PrincipalInfo anonymous() {
        return new PrincipalInfo(null, null, PrincipalType.ANONYMOUS, null, null, "anonymous", Map.of());
    }

    public static PrincipalInfo service(String servicePrincipal) {
        return new PrincipalInfo(servicePrincipal, null, PrincipalType.SERVICE, null, null, null, Map.of());
    }

    /** The tag value for aws:PrincipalTag/key (tag keys compare without case), or null. */
    public String tag(String key) {
        return tags.get(key.toLowerCase(Locale.ROOT));
    }
}
