package dev.onair.ivs.ops;

import dev.onair.ivs.validate.Input;
import dev.onair.ivs.validate.Rules;
import dev.onair.protocol.tree.StructNode;
import java.util.function.Function;

/**
 * The list requests that have only {@code nextToken} and {@code maxResults}.
 *
 * @param explicitMaxResults whether the client set maxResults (some defaults depend on a quota)
 */
record ListRequest(String nextToken, int maxResults, boolean explicitMaxResults) {
  static Function<StructNode, ListRequest> parser(int defaultMaxResults) {
    return node -> {
      Input input = Input.of(node);
      String nextToken = input.string("nextToken", Rules.NEXT_TOKEN);
      Integer maxResults = OperationSupport.readMaxResults(input, 100);
      input.done();
      return new ListRequest(nextToken, maxResults == null ? defaultMaxResults : maxResults, maxResults != null);
    };
  }
}
