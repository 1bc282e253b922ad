package dev.onair.policy;

public enum Decision {
    EXPLICIT_DENY,
    ALLOW,
    IMPLICIT_DENY
}
