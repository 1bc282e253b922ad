package dev.onair.protocol;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.tree.StructNode;
import java.util.List;

/**
 * One AWS operation: its name exactly as in the AWS model, the authorization it needs, and the code that runs it.
 * The front door authorizes every check from {@link #authorization()} before calling {@link #handler()}.
 *
 * @param readOnly the operation only reads: it writes nothing to the store and calls no other node or external
 *     service, so on the embedded store the front door may answer it on the I/O thread (ARCHITECTURE.md, request
 *     path). Declared by the service; false unless declared.
 */
public record Operation(String name, Authorization authorization, Handler handler, boolean readOnly) {
  public Operation {
    requireNonNull(name, "name is null");
    requireNonNull(authorization, "authorization is null");
    requireNonNull(handler, "handler is null");
  }

  /** An operation that is not declared read-only. */
  public Operation(String name, Authorization authorization, Handler handler) {
    this(name, authorization, handler, false);
  }

  /** This operation declared read-only. */
  public Operation asReadOnly() {
    return new Operation(name, authorization, handler, true);
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
