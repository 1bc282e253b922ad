package dev.onair.protocol;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.tree.StructNode;

/**
 * The result of routing a REST request: which operation, and the members bound from the path, query string and
 * headers (the body's members are added by the protocol parser).
 */
public record RestRoute(String operationName, StructNode boundMembers) {
  public RestRoute {
    requireNonNull(operationName, "operationName is null");
    requireNonNull(boundMembers, "boundMembers is null");
  }
}
