package dev.onair.policy.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Canonical JSON for a document: AWS element names and order, single values as plain strings. */
final class DocumentWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DocumentWriter() {
    }

    static String write(PolicyDocument document) {
        ObjectNode root = MAPPER.createObjectNode();
        if (document.version() != null) {
            root.put("Version", document.version());
        }
        if (document.id() != null) {
            root.put("Id", document.id());
        }
        ArrayNode statements = root.putArray("Statement");
        document.statements().forEach(statement -> statements.add(statement(statement)));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    private static ObjectNode statement(Statement statement) {
        ObjectNode node = MAPPER.createObjectNode();
        if (statement.sid() != null) {
            node.put("Sid", statement.sid());
        }
        node.put("Effect", statement.effect().json());
        if (statement.principals() != null) {
            String element = statement.notPrincipal() ? "NotPrincipal" : "Principal";
            if (statement.principals().wildcard()) {
                node.put(element, "*");
            } else {
                ObjectNode principals = node.putObject(element);
                statement.principals().byType().forEach((type, values) -> putValues(principals, type, values));
            }
        }
        putValues(node, statement.notAction() ? "NotAction" : "Action", statement.actions());
        if (statement.hasResourceElement()) {
            putValues(node, statement.notResource() ? "NotResource" : "Resource", statement.resources());
        }
        if (!statement.conditions().isEmpty()) {
            ObjectNode condition = node.putObject("Condition");
            for (ConditionEntry entry : statement.conditions()) {
                ObjectNode operator = condition.has(entry.operator())
                        ? (ObjectNode) condition.get(entry.operator())
                        : condition.putObject(entry.operator());
                ArrayNode values = operator.putArray(entry.key());
                entry.values().forEach(values::add);
            }
        }
        return node;
    }

    private static void putValues(ObjectNode node, String field, List<String> values) {
        if (values.size() == 1) {
            node.put(field, values.get(0));
        } else {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }

}
