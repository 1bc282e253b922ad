package dev.onair.ivs.ops;

import dev.onair.ivs.IvsThrottle;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.tree.StructNode;
import java.util.List;
import java.util.function.Function;

/**
 * Builds an {@link Operation} from three typed steps: parse (validates, throws ValidationException), the
 * authorization checks (declared, so the front door evaluates them before anything happens), and the handler.
 * The request is parsed in both phases because the contract hands each the raw input; parsing is cheap.
 */
final class IvsOperation {
  private IvsOperation() {}

  @FunctionalInterface
  interface Checks<R> {
    List<AuthorizationCheck> checks(CallContext context, R request);
  }

  @FunctionalInterface
  interface Handler<R> {
    OperationResult handle(CallContext context, R request);
  }

  static <R> Operation of(
      String name, IvsThrottle throttle, Function<StructNode, R> parser, Checks<R> checks, Handler<R> handler) {
    Operation operation =
        new Operation(
            name,
            (context, input) -> checks.checks(context, parser.apply(input)),
            (context, input) -> {
              R request = parser.apply(input);
              throttle.acquire(name, context.accountId(), context.region());
              return handler.handle(context, request);
            });
    return readsOnly(name) ? operation.asReadOnly() : operation;
  }

  /**
   * IVS names exactly its reading operations Get*, List* and BatchGet* (BatchStartViewerSessionRevocation writes);
   * they read the store and this node's live state, and forward nothing to other nodes.
   */
  static boolean readsOnly(String name) {
    return name.startsWith("Get") || name.startsWith("List") || name.startsWith("BatchGet");
  }

  /**
   * For create operations: the resource ARN contains an id the handler generates, so the checks run inside the
   * handler (via {@link CallContext#require}) once the id exists, still before any side effect.
   */
  static <R> Checks<R> checkedInHandler() {
    return (context, request) -> List.of();
  }

  static String action(String operation) {
    return "ivs:" + operation;
  }
}
