package dev.onair.rtmp.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Type 20 (AMF0 command): {@code name, transactionId, commandObject, args...}.
 *
 * @param commandObject usually a map for {@code connect} and {@code _result}, otherwise {@code null}
 * @param arguments the values after the command object; elements may be {@code null}
 */
public record CommandMessage(
    int streamId, String name, double transactionId, Object commandObject, List<Object> arguments)
    implements RtmpMessage {
  public CommandMessage {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(arguments, "arguments is null");
    arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
  }

  @Override
  public RtmpMessageType type() {
    return RtmpMessageType.COMMAND_AMF0;
  }

  /** The argument at {@code index} if it is a string, else {@code null}. */
  public String stringArgument(int index) {
    return index < arguments.size() && arguments.get(index) instanceof String s ? s : null;
  }
}
