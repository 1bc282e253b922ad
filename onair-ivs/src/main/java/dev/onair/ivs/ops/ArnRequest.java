package dev.onair.ivs.ops;

import dev.onair.ivs.validate.Input;
import dev.onair.ivs.validate.StringRule;
import dev.onair.protocol.tree.StructNode;
import java.util.function.Function;

/** The many requests whose only member is a required {@code arn}. */
record ArnRequest(String arn) {
  static Function<StructNode, ArnRequest> parser(StringRule rule) {
    return node -> parse(node, "arn", rule);
  }

  /** For requests keyed by {@code channelArn} instead (GetStream, StopStream). */
  static Function<StructNode, ArnRequest> parser(String member, StringRule rule) {
    return node -> parse(node, member, rule);
  }

  private static ArnRequest parse(StructNode node, String member, StringRule rule) {
    Input input = Input.of(node);
    String arn = input.required(member, rule);
    input.done();
    return new ArnRequest(arn);
  }
}
