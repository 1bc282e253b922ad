package dev.onair.iam.model;

/** The IAM entities that own inline policies, attachments and tags; stored by name in owner/resource columns. */
public enum EntityType {
  USER,
  GROUP,
  ROLE,
  POLICY
}
