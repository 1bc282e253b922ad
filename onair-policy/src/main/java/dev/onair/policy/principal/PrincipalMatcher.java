package dev.onair.policy.principal;

import dev.onair.policy.PrincipalInfo;
import dev.onair.policy.PrincipalType;
import dev.onair.policy.document.Principals;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Principal or NotPrincipal of a resource or trust policy statement. Principals allow no partial wildcards. */
public final class PrincipalMatcher {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROOT_ARN = Pattern.compile("arn:[a-z-]+:iam::(\\d{12}):root");

    private final boolean everyone;
    private final Set<String> arns = new HashSet<>();
    private final Set<String> accounts = new HashSet<>();
    private final Set<String> services = new HashSet<>();
    private final Set<String> federated = new HashSet<>();
    private final boolean negated;

    public PrincipalMatcher(Principals principals, boolean negated) {
        this.negated = negated;
        boolean all = principals.wildcard();
        for (String value : principals.values("AWS")) {
            var root = ROOT_ARN.matcher(value);
            if (value.equals("*")) {
                all = true;
            } else if (ACCOUNT_ID.matcher(value).matches()) {
                accounts.add(value);
            } else if (root.matches()) {
                accounts.add(root.group(1));
            } else {
                arns.add(value);
            }
        }
        services.addAll(principals.values("Service"));
        federated.addAll(principals.values("Federated"));
        this.everyone = all;
    }

    public PrincipalMatch match(PrincipalInfo principal) {
        PrincipalMatch match = matchListed(principal);
        if (!negated) {
            return match;
        }
        return match == PrincipalMatch.NONE ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
    }

    private PrincipalMatch matchListed(PrincipalInfo principal) {
        if (everyone) {
            return PrincipalMatch.DIRECT;
        }
        PrincipalType type = principal.type();
        String arn = principal.arn();
        if (type == PrincipalType.SERVICE) {
            return arn != null && services.contains(arn) ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
        }
        if (principal.sessionArn() != null && (arns.contains(principal.sessionArn())
                || federated.contains(principal.sessionArn()))) {
            return PrincipalMatch.DIRECT;
        }
        if (arn != null && arns.contains(arn)) {
            return type == PrincipalType.ASSUMED_ROLE ? PrincipalMatch.ROLE : PrincipalMatch.DIRECT;
        }
        if (arn != null && federated.contains(arn)) {
            return PrincipalMatch.DIRECT;
        }
        if (principal.accountId() != null && accounts.contains(principal.accountId())) {
            return type == PrincipalType.ROOT ? PrincipalMatch.DIRECT : PrincipalMatch.ACCOUNT;
        }
        return PrincipalMatch.NONE;
    }

    public static boolean isAccountPrincipal(String value) {
        return ACCOUNT_ID.matcher(value).matches() || ROOT_ARN.matcher(value).matches();
    }

    public List<String> listedArns() {
        return List.copyOf(arns);
    }
}
