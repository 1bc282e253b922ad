package dev.onair.policy.catalog;

import java.util.List;

/** One IAM action: "service:Name", its access level, resource types and action-specific condition keys. */
public record ActionDefinition(String service, String name, AccessLevel accessLevel,
                               List<ResourceTypeRef> resourceTypes, List<String> conditionKeys) {
    public ActionDefinition {
        resourceTypes = List.copyOf(resourceTypes);
        conditionKeys = List.copyOf(conditionKeys);
    }

    public String fullName() {
        return service + ":" + name;
    }
}
