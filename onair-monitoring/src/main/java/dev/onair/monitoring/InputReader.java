package dev.onair.monitoring;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.MapNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.StructNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads operation input the same way for the three services here, turning absent or mistyped members into each
 * service's own validation codes (CloudWatch: MissingParameter / InvalidParameterValue; Service Quotas:
 * IllegalArgumentException; CloudTrail: its Invalid*Exception codes).
 */
public final class InputReader {
  private final ErrorCode missing;
  private final ErrorCode invalid;

  public InputReader(ErrorCode missing, ErrorCode invalid) {
    this.missing = requireNonNull(missing, "missing is null");
    this.invalid = requireNonNull(invalid, "invalid is null");
  }

  public AwsServiceException invalid(String message) {
    return new AwsServiceException(invalid, message);
  }

  public AwsServiceException missing(String member) {
    return new AwsServiceException(missing, "The parameter " + member + " is required.");
  }

  public String requiredString(StructNode input, String member) {
    String value = string(input, member);
    if (value == null || value.isEmpty()) {
      throw missing(member);
    }
    return value;
  }

  public String string(StructNode input, String member) {
    return read(member, () -> input.string(member));
  }

  public Integer integer(StructNode input, String member) {
    return read(member, () -> input.integer(member));
  }

  public Double decimal(StructNode input, String member) {
    BigDecimal value = read(member, () -> input.decimal(member));
    return value == null ? null : value.doubleValue();
  }

  public Boolean bool(StructNode input, String member) {
    return read(member, () -> input.bool(member));
  }

  public Instant timestamp(StructNode input, String member) {
    return read(member, () -> input.timestamp(member));
  }

  public Instant requiredTimestamp(StructNode input, String member) {
    Instant value = timestamp(input, member);
    if (value == null) {
      throw missing(member);
    }
    return value;
  }

  public StructNode struct(StructNode input, String member) {
    return read(member, () -> input.struct(member));
  }

  /**
   * A list member. Besides a list, accepts a structure whose members are the items (a Query parser without the
   * model may read {@code X.member.1} that way), in member order.
   */
  public List<Node> list(StructNode input, String member) {
    Node node = input.get(member);
    if (node == null) {
      return List.of();
    }
    if (node instanceof StructNode struct) {
      Node inner = struct.get("member");
      if (inner instanceof ListNode innerList) {
        return innerList.items();
      }
      if (inner instanceof StructNode innerStruct) {
        return new ArrayList<>(innerStruct.members().values());
      }
      return new ArrayList<>(struct.members().values());
    }
    ListNode list = read(member, () -> input.list(member));
    return list.items();
  }

  public List<StructNode> structs(StructNode input, String member) {
    List<StructNode> result = new ArrayList<>();
    for (Node item : list(input, member)) {
      if (item instanceof StructNode struct) {
        result.add(struct);
      } else if (item instanceof MapNode map) {
        result.add(new StructNode(map.entries()));
      } else {
        throw invalid("The parameter " + member + " must be a list of structures.");
      }
    }
    return result;
  }

  public List<String> strings(StructNode input, String member) {
    List<String> result = new ArrayList<>();
    for (Node item : list(input, member)) {
      String text = item.asText();
      if (text == null) {
        throw invalid("The parameter " + member + " must be a list of strings.");
      }
      result.add(text);
    }
    return result;
  }

  /** A list of {@code {Key, Value}} structures (CloudWatch and Service Quotas tags). */
  public Map<String, String> keyValueList(StructNode input, String member, String keyName, String valueName) {
    Map<String, String> result = new LinkedHashMap<>();
    for (StructNode item : structs(input, member)) {
      String key = item.string(keyName);
      if (key == null) {
        throw missing(member + "." + keyName);
      }
      String value = item.string(valueName);
      result.put(key, value);
    }
    return result;
  }

  private <T> T read(String member, Supplier<T> reader) {
    try {
      return reader.get();
    } catch (StructNode.MemberTypeException e) {
      throw invalid("The value for parameter " + member + " is invalid: " + e.getMessage());
    }
  }
}
