package dev.onair.policy.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.policy.MalformedPolicyDocumentException;
import dev.onair.policy.PolicyKind;
import dev.onair.policy.PolicyParser;
import dev.onair.policy.document.PolicyDocument;
import dev.onair.policy.document.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Access Analyzer's ValidatePolicy: IAM's own refusals as ERROR findings, then the checks IAM does not make
 * (unknown actions, version, condition value types, wildcards without Like, redundancy, PassRole breadth).
 */
public final class PolicyValidator {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PolicyValidator() {
    }

    public static List<Finding> validate(String json, PolicyKind kind) {
        List<Finding> findings = new ArrayList<>();
        PolicyDocument document;
        try {
            document = PolicyParser.parse(json, kind);
        } catch (MalformedPolicyDocumentException e) {
            findings.add(MalformedFindings.of(e.awsMessage(), isJson(json)));
            return findings;
        }
        if (document.version() == null) {
            findings.add(new Finding(FindingType.WARNING, "MISSING_VERSION",
                    "We recommend that you specify the Version element to help you with debugging permission issues.",
                    List.of()));
        }
        List<Statement> statements = document.statements();
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            StatementChecks.check(statement, i, document.variablesEnabled(), findings);
            ActionChecks.check(statement, i, findings);
        }
        RedundancyChecks.check(statements, findings);
        findings.sort(Comparator.comparing(Finding::findingType));
        return findings;
    }

    private static boolean isJson(String json) {
        try {
            MAPPER.readTree(json);
            return json != null;
        } catch (Exception e) {
            return false;
        }
    }
}
