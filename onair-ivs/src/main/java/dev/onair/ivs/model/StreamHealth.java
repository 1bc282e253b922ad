package dev.onair.ivs.model;

public enum StreamHealth {
  HEALTHY,
  STARVING,
  UNKNOWN
}
