package dev.onair.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.policy.document.PolicyDocument;
import dev.onair.policy.validation.Finding;
import dev.onair.policy.validation.FindingType;
import dev.onair.policy.validation.PolicyValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every AWS managed policy document in ../shared/conformance/aws-managed-policies.jsonl parses and validates as an
 * identity policy, evaluates without error, and re-serialises to an equal policy. The data set is not part of the
 * repository; without it this test fails rather than passing silently.
 */
class ConformanceTest {
    private static final String FILE = "aws-managed-policies.jsonl";

    static Path conformanceDirectory() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            Path shared = candidate.resolveSibling("shared").resolve("conformance");
            if (Files.isRegularFile(shared.resolve(FILE))) {
                return shared;
            }
            Path inside = candidate.resolve("shared").resolve("conformance");
            if (Files.isRegularFile(inside.resolve(FILE))) {
                return inside;
            }
        }
        return fail("conformance data missing: expected ../shared/conformance/" + FILE
                + " beside the repository (searched upwards from " + dir + ")");
    }

    @Test
    void awsManagedPolicies_parseValidateEvaluateAndRoundTrip() throws IOException {
        Path file = conformanceDirectory().resolve(FILE);
        ObjectMapper mapper = new ObjectMapper();
        List<String> failures = new ArrayList<>();
        int count = 0;
        long invalidActions = 0;
        List<AuthorizationRequest> requests = List.of(
                new AuthorizationRequest(Fixtures.ALICE, "ivs:GetChannel", Fixtures.CHANNEL, RequestContext.empty()),
                new AuthorizationRequest(Fixtures.SESSION, "s3:PutObject", "arn:aws:s3:::bucket/key",
                        RequestContext.builder().put("aws:SecureTransport", "true").put("aws:SourceIp", "203.0.113.9")
                                .put("aws:TagKeys", "a", "b").put("aws:CurrentTime", "2026-01-01T00:00:00Z").build()),
                new AuthorizationRequest(Fixtures.ALICE, "iam:PassRole", "arn:aws:iam::123456789012:role/x",
                        RequestContext.builder().put("iam:PassedToService", "ec2.amazonaws.com").build()));
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            count++;
            JsonNode entry = mapper.readTree(line);
            String name = entry.get("name").asText();
            String json = mapper.writeValueAsString(entry.get("document"));
            try {
                PolicyDocument document = PolicyParser.parse(json, PolicyKind.IDENTITY);
                List<Finding> findings = PolicyValidator.validate(json, PolicyKind.IDENTITY);
                // AWS's own documents name a few actions that do not exist (s3:ListObjects); Access Analyzer
                // reports those as INVALID_ACTION too, so they are counted, not failed.
                invalidActions += findings.stream().filter(f -> f.issueCode().equals("INVALID_ACTION")).count();
                List<Finding> errors = findings.stream()
                        .filter(finding -> finding.findingType() == FindingType.ERROR)
                        .filter(finding -> !finding.issueCode().equals("INVALID_ACTION")).toList();
                if (!errors.isEmpty()) {
                    failures.add(name + ": validation errors " + errors);
                }
                CompiledPolicySet set = PolicySet.of(List.of(new AttachedPolicy(entry.get("arn").asText(), document)))
                        .compile();
                for (AuthorizationRequest request : requests) {
                    PolicyEvaluator.evaluate(set, request, java.util.Optional.empty());
                }
                if (!PolicyParser.parse(document.toJson(), PolicyKind.IDENTITY).equals(document)) {
                    failures.add(name + ": round trip changed the policy");
                }
            } catch (MalformedPolicyDocumentException e) {
                failures.add(name + ": " + e.getMessage());
            }
        }
        System.out.println("AWS managed policy conformance: " + count + " documents, " + failures.size()
                + " failures, " + invalidActions + " INVALID_ACTION findings on actions AWS itself does not define");
        assertThat(failures).as("policies that failed").isEmpty();
        assertThat(count).isGreaterThan(1000);
    }
}
