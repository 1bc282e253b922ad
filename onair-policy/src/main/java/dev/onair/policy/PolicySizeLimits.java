package dev.onair.policy;

/** IAM's document size quotas; IAM counts characters but ignores whitespace. */
public final class PolicySizeLimits {
    public static final int MANAGED = 6144;
    public static final int USER_INLINE = 2048;
    public static final int GROUP_INLINE = 5120;
    public static final int ROLE_INLINE = 10240;
    public static final int ROLE_TRUST = 2048;
    public static final int SESSION = 2048;

    private PolicySizeLimits() {
    }

    /** Characters that count against a quota: every character that is not JSON whitespace. */
    public static int countedSize(String document) {
        int count = 0;
        for (int i = 0; i < document.length(); i++) {
            char c = document.charAt(i);
            if (!Character.isWhitespace(c)) {
                count++;
            }
        }
        return count;
    }

    public static boolean exceeds(String document, int limit) {
        return countedSize(document) > limit;
    }
}
