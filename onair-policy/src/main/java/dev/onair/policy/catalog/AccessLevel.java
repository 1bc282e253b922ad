package dev.onair.policy.catalog;

/** Access levels of the Service Authorization Reference. */
public enum AccessLevel {
    LIST("List"),
    READ("Read"),
    WRITE("Write"),
    PERMISSIONS_MANAGEMENT("Permissions management"),
    TAGGING("Tagging");

    private final String label;

    AccessLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The reference writes compound levels ("Tagging, Write"); the first word is the classifying one. */
    static AccessLevel fromLabel(String label) {
        String first = label.split(",")[0].trim();
        for (AccessLevel level : values()) {
            if (level.label.equalsIgnoreCase(first)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown access level " + label);
    }
}
