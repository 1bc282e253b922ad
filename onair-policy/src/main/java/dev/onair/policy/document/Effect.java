package dev.onair.policy.document;

public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String json;

    Effect(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** IAM's syntax pass accepts any case; the legacy pass then insists on the exact spelling. */
    static Effect fromIgnoringCase(String value) {
        for (Effect effect : values()) {
            if (effect.json.equalsIgnoreCase(value)) {
                return effect;
            }
        }
        return null;
    }
}
