package dev.onair.policy.document;

import dev.onair.policy.MalformedPolicyDocumentException;
import dev.onair.policy.PolicyKind;
import dev.onair.policy.condition.DateValues;
import dev.onair.policy.condition.OperatorName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * IAM's write-time checks after the syntax pass, in AWS's order of precedence: principal placement, version,
 * legacy parsing, Sid rules, actions present, resources present, resource format, action format, trust rules.
 */
public final class DocumentChecks {
    private static final Pattern VENDOR = Pattern.compile("[a-zA-Z0-9\\-.]+");
    private static final Pattern SID = Pattern.compile("[0-9A-Za-z]*");

    private DocumentChecks() {
    }

    /** Parses and checks a document, throwing AWS's message for the first rule it breaks. */
    public static PolicyDocument parse(String json, PolicyKind kind, boolean requireCurrentVersion) {
        DocumentReader.Draft draft = DocumentReader.read(json);
        PolicyDocument document = draft.document();
        List<Statement> statements = document.statements();
        if (kind.usesIdentityGrammar() && statements.stream().anyMatch(s -> s.principals() != null)) {
            fail(MalformedPolicyDocumentException.PRINCIPAL_IN_IDENTITY);
        }
        if (kind == PolicyKind.TRUST && draft.resourceElementPresent().contains(Boolean.TRUE)) {
            fail(MalformedPolicyDocumentException.RESOURCE_IN_TRUST);
        }
        if (requireCurrentVersion && !PolicyDocument.VERSION_2012.equals(document.version())) {
            fail(MalformedPolicyDocumentException.VERSION);
        }
        String resourceProblem = legacyParsing(draft);
        checkSids(statements, kind);
        for (Statement statement : statements) {
            if (statement.actions().isEmpty()) {
                fail(MalformedPolicyDocumentException.MISSING_ACTIONS);
            }
        }
        if (kind != PolicyKind.TRUST) {
            for (Statement statement : statements) {
                if (statement.resources().isEmpty()) {
                    fail(MalformedPolicyDocumentException.MISSING_RESOURCES);
                }
            }
        }
        if (resourceProblem != null) {
            fail(resourceProblem);
        }
        for (Statement statement : statements) {
            statement.actions().forEach(DocumentChecks::checkActionFormat);
        }
        if (kind == PolicyKind.TRUST || kind == PolicyKind.RESOURCE) {
            checkPrincipalsPresent(statements, kind);
        }
        if (kind == PolicyKind.TRUST) {
            checkTrustActions(statements);
        }
        return document;
    }

    private static String legacyParsing(DocumentReader.Draft draft) {
        for (String effect : draft.rawEffects()) {
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                fail(MalformedPolicyDocumentException.LEGACY);
            }
        }
        for (Statement statement : draft.document().statements()) {
            for (ConditionEntry entry : statement.conditions()) {
                OperatorName name = OperatorName.parse(entry.operator());
                if (name != null && name.base().startsWith("Date")) {
                    for (String value : entry.values()) {
                        if (DateValues.parsePolicyValue(value) == null) {
                            fail(MalformedPolicyDocumentException.LEGACY);
                        }
                    }
                }
            }
        }
        String firstProblem = null;
        for (Statement statement : draft.document().statements()) {
            // IAM walks a list in reverse lexical order; mirroring it keeps the reported resource the same.
            List<String> ordered = new ArrayList<>(statement.resources());
            ordered.sort(Comparator.reverseOrder());
            for (String resource : ordered) {
                String problem = ResourceFormat.problem(resource);
                if (firstProblem == null && problem != null) {
                    firstProblem = problem;
                }
            }
            if (firstProblem == null) {
                for (String resource : statement.resources()) {
                    if (!ResourceFormat.passesLegacyParsing(resource)) {
                        fail(MalformedPolicyDocumentException.LEGACY);
                    }
                }
            }
        }
        return firstProblem;
    }

    private static void checkSids(List<Statement> statements, PolicyKind kind) {
        Set<String> seen = new HashSet<>();
        for (Statement statement : statements) {
            String sid = statement.sid();
            if (sid != null && !sid.isEmpty() && !seen.add(sid)) {
                fail(MalformedPolicyDocumentException.DUPLICATE_SID);
            }
        }
        if (kind != PolicyKind.RESOURCE) {
            for (Statement statement : statements) {
                if (statement.sid() != null && !SID.matcher(statement.sid()).matches()) {
                    fail(MalformedPolicyDocumentException.SID_NOT_ALPHANUMERIC);
                }
            }
        }
    }

    private static void checkActionFormat(String action) {
        if (action.equals("*")) {
            return;
        }
        String[] parts = action.split(":", -1);
        if (parts.length == 1) {
            fail(MalformedPolicyDocumentException.ACTION_VENDOR);
        }
        if (parts.length > 2) {
            fail(MalformedPolicyDocumentException.ACTION_COLONS);
        }
        if (!parts[0].equals("*") && !VENDOR.matcher(parts[0]).matches()) {
            fail("Vendor " + parts[0] + " is not valid");
        }
    }

    private static void checkPrincipalsPresent(List<Statement> statements, PolicyKind kind) {
        for (Statement statement : statements) {
            if (statement.principals() == null) {
                fail(kind == PolicyKind.TRUST
                        ? MalformedPolicyDocumentException.TRUST_NO_PRINCIPAL
                        : MalformedPolicyDocumentException.RESOURCE_POLICY_NO_PRINCIPAL);
            }
        }
    }

    private static void checkTrustActions(List<Statement> statements) {
        for (Statement statement : statements) {
            for (String action : statement.actions()) {
                String lower = action.toLowerCase(Locale.ROOT);
                if (!statement.notAction() && !lower.equals("*") && !lower.startsWith("sts:")) {
                    fail(MalformedPolicyDocumentException.TRUST_ACTIONS);
                }
            }
        }
    }

    private static void fail(String message) {
        throw new MalformedPolicyDocumentException(message);
    }
}
