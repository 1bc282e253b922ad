package dev.onair.policy;

/** A document IAM would refuse at write time; the message is AWS's own text so services can return it verbatim. */
public final class MalformedPolicyDocumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String SYNTAX = "Syntax errors in policy.";
    public static final String LEGACY = "The policy failed legacy parsing";
    public static final String VERSION = "Policy document must be version 2012-10-17 or greater.";
    public static final String PRINCIPAL_IN_IDENTITY = "Policy document should not specify a principal.";
    public static final String DUPLICATE_SID = "Statement IDs (SID) in a single policy must be unique.";
    public static final String SID_NOT_ALPHANUMERIC =
            "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*";
    public static final String MISSING_ACTIONS = "Policy statement must contain actions.";
    public static final String MISSING_RESOURCES = "Policy statement must contain resources.";
    public static final String RESOURCE_IN_TRUST = "Has prohibited field Resource.";
    public static final String TRUST_ACTIONS = "AssumeRole policy may only specify STS AssumeRole actions.";
    public static final String TRUST_NO_PRINCIPAL = "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: "
            + "The passed in policy has a statement with no principals!";
    public static final String RESOURCE_POLICY_NO_PRINCIPAL = "Missing required field Principal";
    public static final String ACTION_VENDOR = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
    public static final String ACTION_COLONS = "Actions/Condition can contain only one colon.";

    private final String awsMessage;

    public MalformedPolicyDocumentException(String awsMessage) {
        super(awsMessage, null, false, false);
        this.awsMessage = awsMessage;
    }

    public String awsMessage() {
        return awsMessage;
    }
}
