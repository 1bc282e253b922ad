package dev.onair.ivs.ops;

import dev.onair.ivs.validate.Input;
import dev.onair.ivs.validate.StringRule;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.tree.StructNode;
import java.util.List;
import java.util.function.Function;

/** BatchGetChannel and BatchGetStreamKey input: 1 to 50 ARNs. */
record BatchArns(List<String> arns) {
  static final int MAX_ARNS = 50;

  static Function<StructNode, BatchArns> parser(StringRule rule) {
    return node -> {
      Input input = Input.of(node);
      List<String> arns = input.strings("arns", 1, MAX_ARNS, rule, true);
      input.done();
      return new BatchArns(arns);
    };
  }

  /**
   * A BatchError. AWS's documented example uses HTTP status codes as text ("403", "not authorized"), so Onair
   * does the same for both denials and missing resources.
   */
  static StructNode error(String arn, AwsServiceException e) {
    int status = e.errorCode().httpStatus();
    String message = status == 403 ? "not authorized" : e.getMessage();
    return Shapes.batchError(arn, Integer.toString(status), message);
  }
}
