package dev.onair.policy;

/** The kind of policy that decided a denial (and, in matched statements, where a statement came from). */
public enum DenialSource {
    IDENTITY_POLICY,
    PERMISSIONS_BOUNDARY,
    SESSION_POLICY,
    RESOURCE_POLICY,
    NONE
}
