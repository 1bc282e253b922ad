package dev.onair.protocol;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.tree.StructNode;
import java.util.List;

/**
 * One AWS operation: its name exactly as in the AWS model, the authorization it needs, and the code that runs it.
 * The front door authorizes every check from {@link #authorization()} before calling {@link #handler()}.
 */
public record Operation(String name, Authorization authorization, Handler handler) {
  public Operation {
    requireNonNull(name, "name is null");
    requireNonNull(authorization, "authorization is null");
    requireNonNull(handler, "handler is null");
  }

  /** The checks an operation needs, derived from its input (resource ARNs, request tags, resource tags). */
  @FunctionalInterface
  public interface Authorization {
    List<AuthorizationCheck> checks(CallContext context, StructNode input);

    /** For actions AWS does not authorize (sts:GetCallerIdentity). */
    static Authorization none() {
      return (context, input) -> List.of();
    }
  }

  @FunctionalInterface
  public interface Handler {
    OperationResult handle(CallContext context, StructNode input);
  }
}
