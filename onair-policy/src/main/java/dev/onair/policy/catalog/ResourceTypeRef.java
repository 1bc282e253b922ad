package dev.onair.policy.catalog;

/** A resource type an action acts on; required ones must be present in the request's resource. */
public record ResourceTypeRef(String name, boolean required) {
}
