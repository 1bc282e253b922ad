package dev.onair.policy.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.policy.wildcard.Wildcard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Actions, resource types and condition keys of the services Onair serves, from the Service Authorization Reference
 * (resource {@code actions.json}, loaded once). Service knowledge lives here, never in the evaluator.
 */
public final class ActionCatalog {
    private static final String RESOURCE = "/dev/onair/policy/catalog/actions.json";
    private static final ActionCatalog DEFAULT = load();

    private final Map<String, ActionDefinition> actions;
    private final Map<String, Map<String, String>> serviceConditionKeys;
    private final Map<String, List<ResourceType>> resourceTypes;

    private ActionCatalog(Map<String, ActionDefinition> actions, Map<String, Map<String, String>> serviceConditionKeys,
                          Map<String, List<ResourceType>> resourceTypes) {
        this.actions = actions;
        this.serviceConditionKeys = serviceConditionKeys;
        this.resourceTypes = resourceTypes;
    }

    public static ActionCatalog get() {
        return DEFAULT;
    }

    private static ActionCatalog load() {
        try (InputStream in = ActionCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, ActionDefinition> actions = new LinkedHashMap<>();
            Map<String, Map<String, String>> keys = new LinkedHashMap<>();
            Map<String, List<ResourceType>> types = new LinkedHashMap<>();
            for (JsonNode service : root.get("services")) {
                String prefix = service.get("prefix").asText();
                Map<String, String> serviceKeys = new LinkedHashMap<>();
                service.get("conditionKeys").fields().forEachRemaining(e -> serviceKeys.put(e.getKey(), e.getValue().asText()));
                keys.put(prefix, Collections.unmodifiableMap(serviceKeys));
                List<ResourceType> serviceTypes = new ArrayList<>();
                service.get("resourceTypes").fields().forEachRemaining(e -> serviceTypes.add(new ResourceType(prefix,
                        e.getKey(), e.getValue().get("arn").asText(), strings(e.getValue().get("conditionKeys")))));
                types.put(prefix, List.copyOf(serviceTypes));
                for (JsonNode action : service.get("actions")) {
                    List<ResourceTypeRef> refs = new ArrayList<>();
                    action.get("resourceTypes").forEach(r -> refs.add(
                            new ResourceTypeRef(r.get("name").asText(), r.get("required").asBoolean())));
                    ActionDefinition definition = new ActionDefinition(prefix, action.get("name").asText(),
                            AccessLevel.fromLabel(action.get("accessLevel").asText()), refs,
                            strings(action.get("conditionKeys")));
                    actions.put(definition.fullName().toLowerCase(Locale.ROOT), definition);
                }
            }
            return new ActionCatalog(Collections.unmodifiableMap(actions), Collections.unmodifiableMap(keys),
                    Collections.unmodifiableMap(types));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(node -> out.add(node.asText()));
        }
        return out;
    }

    /** The action by name in any case ("IVS:getchannel"). */
    public Optional<ActionDefinition> find(String action) {
        return Optional.ofNullable(actions.get(action.toLowerCase(Locale.ROOT)));
    }

    public boolean isKnownService(String prefix) {
        return serviceConditionKeys.containsKey(prefix.toLowerCase(Locale.ROOT));
    }

    public Set<String> services() {
        return serviceConditionKeys.keySet();
    }

    public Collection<ActionDefinition> actions() {
        return actions.values();
    }

    /** Every catalogued action an Action pattern ("ivs:Get*", "*", "s3:?etObject") covers, in catalogue order. */
    public List<ActionDefinition> expand(String pattern) {
        String lower = pattern.toLowerCase(Locale.ROOT);
        Wildcard glob = Wildcard.of(lower);
        if (glob.isLiteral()) {
            ActionDefinition definition = actions.get(lower);
            return definition == null ? List.of() : List.of(definition);
        }
        List<ActionDefinition> out = new ArrayList<>();
        actions.forEach((name, definition) -> {
            if (glob.matches(name)) {
                out.add(definition);
            }
        });
        return out;
    }

    /** Service-level condition keys with their types (String, ArrayOfString, ARN, Bool, Date, Numeric...). */
    public Map<String, String> conditionKeys(String service) {
        return serviceConditionKeys.getOrDefault(service.toLowerCase(Locale.ROOT), Map.of());
    }

    public List<ResourceType> resourceTypes(String service) {
        return resourceTypes.getOrDefault(service.toLowerCase(Locale.ROOT), List.of());
    }
}
