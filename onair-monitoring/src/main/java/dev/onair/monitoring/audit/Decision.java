package dev.onair.monitoring.audit;

/** The authorization outcome of an audited call. */
public enum Decision {
  ALLOW,
  DENY
}
