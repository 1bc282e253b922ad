package dev.onair.policy.wildcard;

/**
 * A glob with IAM's two wildcards: '*' (any run, possibly empty) and '?' (exactly one character). Which characters
 * are wildcards is kept per position, so text substituted from a policy variable (including "${*}") stays literal.
 * Matching is linear with one backtrack point and never compiles a regex.
 */
public final class Wildcard {
    private static final byte LITERAL = 0;
    private static final byte STAR = 1;
    private static final byte ONE = 2;

    private final char[] chars;
    private final byte[] kinds;
    private final boolean literal;
    private final String text;

    private Wildcard(char[] chars, byte[] kinds) {
        this.chars = chars;
        this.kinds = kinds;
        boolean anyWildcard = false;
        for (byte kind : kinds) {
            anyWildcard |= kind != LITERAL;
        }
        this.literal = !anyWildcard;
        this.text = new String(chars);
    }

    /** Every '*' and '?' in {@code pattern} is a wildcard. */
    public static Wildcard of(String pattern) {
        return builder().pattern(pattern).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isLiteral() {
        return literal;
    }

    /** True when this pattern is a lone '*', which matches everything. */
    public boolean matchesEverything() {
        return kinds.length == 1 && kinds[0] == STAR;
    }

    public boolean matches(String value) {
        if (literal) {
            return text.equals(value);
        }
        int n = value.length();
        int m = chars.length;
        int p = 0;
        int s = 0;
        int starP = -1;
        int starS = 0;
        while (s < n) {
            if (p < m && kinds[p] != STAR && (kinds[p] == ONE || chars[p] == value.charAt(s))) {
                p++;
                s++;
            } else if (p < m && kinds[p] == STAR) {
                starP = p++;
                starS = s;
            } else if (starP >= 0) {
                p = starP + 1;
                s = ++starS;
            } else {
                return false;
            }
        }
        while (p < m && kinds[p] == STAR) {
            p++;
        }
        return p == m;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Concatenates pattern text (wildcards live) and literal text (wildcards inert). */
    public static final class Builder {
        private final StringBuilder chars = new StringBuilder();
        private byte[] kinds = new byte[16];

        public Builder pattern(CharSequence text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                add(c, c == '*' ? STAR : c == '?' ? ONE : LITERAL);
            }
            return this;
        }

        public Builder literal(CharSequence text) {
            for (int i = 0; i < text.length(); i++) {
                add(text.charAt(i), LITERAL);
            }
            return this;
        }

        private void add(char c, byte kind) {
            if (chars.length() == kinds.length) {
                kinds = java.util.Arrays.copyOf(kinds, kinds.length * 2);
            }
            kinds[chars.length()] = kind;
            chars.append(c);
        }

        public Wildcard build() {
            return new Wildcard(chars.toString().toCharArray(), java.util.Arrays.copyOf(kinds, chars.length()));
        }
    }
}
