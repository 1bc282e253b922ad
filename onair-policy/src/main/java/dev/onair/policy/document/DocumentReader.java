package dev.onair.policy.document;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.policy.MalformedPolicyDocumentException;
import dev.onair.policy.condition.OperatorName;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IAM's first pass: JSON shape only. Every failure here is "Syntax errors in policy.", which AWS reports before any
 * other problem, so this pass must not look at values beyond their JSON types.
 */
final class DocumentReader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> TOP_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of(
            "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> VERSIONS = Set.of(PolicyDocument.VERSION_2008, PolicyDocument.VERSION_2012);

    /** What the later passes need besides the document: the Effect spelling exactly as written. */
    record Draft(PolicyDocument document, List<String> rawEffects, List<Boolean> resourceElementPresent) {
    }

    private DocumentReader() {
    }

    static Draft read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (Exception | StackOverflowError e) {
            throw syntax();
        }
        if (root == null || !root.isObject()) {
            throw syntax();
        }
        root.fieldNames().forEachRemaining(name -> require(TOP_ELEMENTS.contains(name)));
        String version = optionalText(root, "Version");
        require(version == null || VERSIONS.contains(version));
        String id = optionalText(root, "Id");
        JsonNode statementNode = root.get("Statement");
        require(statementNode != null && (statementNode.isObject() || statementNode.isArray()));
        List<JsonNode> statementNodes = new ArrayList<>();
        if (statementNode.isObject()) {
            statementNodes.add(statementNode);
        } else {
            statementNode.forEach(statementNodes::add);
        }
        require(!statementNodes.isEmpty());
        List<Statement> statements = new ArrayList<>();
        List<String> rawEffects = new ArrayList<>();
        List<Boolean> resourcePresent = new ArrayList<>();
        for (JsonNode node : statementNodes) {
            require(node.isObject());
            statements.add(readStatement((ObjectNode) node, rawEffects));
            resourcePresent.add(node.has("Resource") || node.has("NotResource"));
        }
        return new Draft(new PolicyDocument(version, id, statements), rawEffects, resourcePresent);
    }

    private static Statement readStatement(ObjectNode node, List<String> rawEffects) {
        node.fieldNames().forEachRemaining(name -> require(STATEMENT_ELEMENTS.contains(name)));
        require(!(node.has("Action") && node.has("NotAction")));
        require(!(node.has("Resource") && node.has("NotResource")));
        require(!(node.has("Principal") && node.has("NotPrincipal")));
        JsonNode effectNode = node.get("Effect");
        require(effectNode != null && effectNode.isTextual());
        Effect effect = Effect.fromIgnoringCase(effectNode.textValue());
        require(effect != null);
        rawEffects.add(effectNode.textValue());
        String sid = optionalText(node, "Sid");
        boolean notAction = node.has("NotAction");
        List<String> actions = stringOrList(node.get(notAction ? "NotAction" : "Action"));
        boolean notResource = node.has("NotResource");
        List<String> resources = stringOrList(node.get(notResource ? "NotResource" : "Resource"));
        boolean notPrincipal = node.has("NotPrincipal");
        JsonNode principalNode = node.get(notPrincipal ? "NotPrincipal" : "Principal");
        Principals principals = principalNode == null ? null : readPrincipals(principalNode);
        List<ConditionEntry> conditions = readConditions(node.get("Condition"));
        return new Statement(sid, effect, principals, notPrincipal, actions, notAction, resources, notResource, conditions);
    }

    private static Principals readPrincipals(JsonNode node) {
        if (node.isTextual()) {
            require("*".equals(node.textValue()));
            return Principals.star();
        }
        require(node.isObject());
        Map<String, List<String>> byType = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            require(Principals.TYPES.contains(field.getKey()));
            require(field.getValue().isTextual() || field.getValue().isArray());
            byType.put(field.getKey(), stringOrList(field.getValue()));
        }
        return new Principals(false, byType);
    }

    private static List<ConditionEntry> readConditions(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        require(node.isObject());
        List<ConditionEntry> entries = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> operators = node.fields();
        while (operators.hasNext()) {
            Map.Entry<String, JsonNode> operator = operators.next();
            JsonNode body = operator.getValue();
            require(body.isObject());
            // IAM tolerates an unknown operator only when its block is empty (nothing to evaluate).
            require(OperatorName.parse(operator.getKey()) != null || body.isEmpty());
            Iterator<Map.Entry<String, JsonNode>> keys = body.fields();
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> key = keys.next();
                entries.add(new ConditionEntry(operator.getKey(), key.getKey(), conditionValues(key.getValue())));
            }
        }
        return entries;
    }

    private static List<String> conditionValues(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> values.add(scalar(element)));
        } else {
            values.add(scalar(node));
        }
        return values;
    }

    private static String scalar(JsonNode node) {
        require(node.isTextual() || node.isNumber() || node.isBoolean());
        return node.asText();
    }

    private static List<String> stringOrList(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.textValue());
        }
        require(node.isArray());
        List<String> values = new ArrayList<>();
        node.forEach(element -> {
            require(element.isTextual());
            values.add(element.textValue());
        });
        return values;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        require(value.isTextual());
        return value.textValue();
    }

    private static void require(boolean condition) {
        if (!condition) {
            throw syntax();
        }
    }

    private static MalformedPolicyDocumentException syntax() {
        return new MalformedPolicyDocumentException(MalformedPolicyDocumentException.SYNTAX);
    }
}
