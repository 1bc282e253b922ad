package dev.onair.iam.model;

/** An inline policy of a user, group or role, with its document as the client sent it. */
public record InlinePolicy(EntityType ownerType, String ownerId, String name, String document) {}
