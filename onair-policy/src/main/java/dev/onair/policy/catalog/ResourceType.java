package dev.onair.policy.catalog;

import java.util.List;

/** A service resource type with its ARN template (arn:${Partition}:ivs:${Region}:${Account}:channel/${ResourceId}). */
public record ResourceType(String service, String name, String arnTemplate, List<String> conditionKeys) {
    public ResourceType {
        conditionKeys = List.copyOf(conditionKeys);
    }
}
