package dev.onair.policy.managed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.policy.PolicyKind;
import dev.onair.policy.PolicyParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The AWS managed policies Onair serves, at their arn:aws:iam::aws:policy/... ARNs. Loaded once from the jar. */
public final class AwsManagedPolicies {
    private static final String RESOURCE = "/dev/onair/policy/managed/aws-managed-policies.json";
    private static final Map<String, ManagedPolicy> BY_ARN = load();

    private AwsManagedPolicies() {
    }

    private static Map<String, ManagedPolicy> load() {
        try (InputStream in = AwsManagedPolicies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, ManagedPolicy> policies = new LinkedHashMap<>();
            for (JsonNode node : root.get("policies")) {
                String json = node.get("document").asText();
                ManagedPolicy policy = new ManagedPolicy(node.get("name").asText(), node.get("arn").asText(),
                        node.get("path").asText(), node.get("defaultVersionId").asText(),
                        node.get("createDate").asText(), node.get("description").asText(), json,
                        PolicyParser.parse(json, PolicyKind.IDENTITY));
                policies.put(policy.arn(), policy);
            }
            return java.util.Collections.unmodifiableMap(policies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Collection<ManagedPolicy> all() {
        return BY_ARN.values();
    }

    public static Optional<ManagedPolicy> byArn(String arn) {
        return Optional.ofNullable(BY_ARN.get(arn));
    }

    public static Optional<ManagedPolicy> byName(String name) {
        return BY_ARN.values().stream().filter(policy -> policy.name().equals(name)).findFirst();
    }

    public static boolean isAwsManagedArn(String arn) {
        return arn.startsWith("arn:aws:iam::aws:policy/");
    }
}
