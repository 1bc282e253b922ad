package dev.onair.policy.validation;

import static dev.onair.policy.MalformedPolicyDocumentException.*;

import java.util.List;

/** Access Analyzer's ERROR issue code for each IAM MalformedPolicyDocument message. */
final class MalformedFindings {
    private MalformedFindings() {
    }

    static Finding of(String message, boolean validJson) {
        String code;
        if (message.equals(SYNTAX)) {
            code = validJson ? "INVALID_POLICY_ELEMENT" : "JSON_SYNTAX_ERROR";
        } else if (message.equals(LEGACY)) {
            code = "INVALID_EFFECT";
        } else if (message.equals(PRINCIPAL_IN_IDENTITY)) {
            code = "UNSUPPORTED_PRINCIPAL";
        } else if (message.equals(DUPLICATE_SID)) {
            code = "UNIQUE_SIDS_REQUIRED";
        } else if (message.equals(SID_NOT_ALPHANUMERIC)) {
            code = "UNSUPPORTED_SID";
        } else if (message.equals(MISSING_ACTIONS)) {
            code = "MISSING_ACTION";
        } else if (message.equals(MISSING_RESOURCES)) {
            code = "MISSING_RESOURCE";
        } else if (message.equals(RESOURCE_IN_TRUST)) {
            code = "ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE";
        } else if (message.equals(TRUST_NO_PRINCIPAL) || message.equals(RESOURCE_POLICY_NO_PRINCIPAL)) {
            code = "MISSING_PRINCIPAL";
        } else if (message.equals(TRUST_ACTIONS)) {
            code = "MISMATCHED_ACTION_FOR_PRINCIPAL";
        } else if (message.equals(VERSION)) {
            code = "INVALID_VERSION";
        } else if (message.equals(ACTION_VENDOR) || message.equals(ACTION_COLONS) || message.startsWith("Vendor ")) {
            code = "INVALID_ACTION";
        } else if (message.startsWith("Partition ")) {
            code = "INVALID_PARTITION";
        } else if (message.contains("region information")) {
            code = "INVALID_ARN_REGION";
        } else if (message.startsWith("IAM resource path")) {
            code = "INVALID_ARN_RESOURCE";
        } else {
            code = "INVALID_ARN_PREFIX";
        }
        return new Finding(FindingType.ERROR, code, message, List.of());
    }
}
