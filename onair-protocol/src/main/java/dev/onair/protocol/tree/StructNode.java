package dev.onair.protocol.tree;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A structure: named members in the order the model declares them (output) or the client sent them (input).
 *
 * <p>Input accessors coerce, because the same member arrives as text from the Query protocol and as a typed value
 * from JSON and CBOR. They return null (or empty) when the member is absent and throw {@link
 * MemberTypeException} when it is present but cannot be read as asked; services turn that into their own
 * validation error.
 */
public record StructNode(Map<String, Node> members) implements Node {
  public static final StructNode EMPTY = new StructNode(Map.of());

  public StructNode {
    requireNonNull(members, "members is null");
    members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A member of the wrong type (text where a number is needed, a list where a structure is needed). */
  public static final class MemberTypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String member;

    public MemberTypeException(String member, String message) {
      super(message, null, false, false);
      this.member = member;
    }

    public String member() {
      return member;
    }
  }

  public boolean has(String name) {
    return members.containsKey(name);
  }

  public Node get(String name) {
    return members.get(name);
  }

  public String string(String name) {
    Node node = members.get(name);
    if (node == null) {
      return null;
    }
    String text = node.asText();
    if (text == null) {
      throw new MemberTypeException(name, "Member " + name + " must be a scalar value");
    }
    return text;
  }

  public Optional<String> optionalString(String name) {
    return Optional.ofNullable(string(name));
  }

  public Integer integer(String name) {
    BigDecimal value = decimal(name);
    if (value == null) {
      return null;
    }
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      throw new MemberTypeException(name, "Member " + name + " must be an integer");
    }
  }

  public Long longValue(String name) {
    BigDecimal value = decimal(name);
    if (value == null) {
      return null;
    }
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      throw new MemberTypeException(name, "Member " + name + " must be an integer");
    }
  }

  public BigDecimal decimal(String name) {
    Node node = members.get(name);
    if (node == null) {
      return null;
    }
    if (node instanceof NumberNode number) {
      return number.value();
    }
    String text = node.asText();
    try {
      return text == null ? failNumber(name) : new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return failNumber(name);
    }
  }

  private static BigDecimal failNumber(String name) {
    throw new MemberTypeException(name, "Member " + name + " must be a number");
  }

  public Boolean bool(String name) {
    Node node = members.get(name);
    if (node == null) {
      return null;
    }
    if (node instanceof BooleanNode bool) {
      return bool.value();
    }
    String text = node.asText();
    if ("true".equalsIgnoreCase(text)) {
      return Boolean.TRUE;
    }
    if ("false".equalsIgnoreCase(text)) {
      return Boolean.FALSE;
    }
    throw new MemberTypeException(name, "Member " + name + " must be a boolean");
  }

  public Instant timestamp(String name) {
    Node node = members.get(name);
    if (node == null) {
      return null;
    }
    if (node instanceof TimestampNode timestamp) {
      return timestamp.value();
    }
    if (node instanceof NumberNode number) {
      return epochSeconds(number.value());
    }
    String text = node.asText();
    if (text == null) {
      throw new MemberTypeException(name, "Member " + name + " must be a timestamp");
    }
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException notIso) {
      try {
        return epochSeconds(new BigDecimal(text.trim()));
      } catch (NumberFormatException notNumber) {
        throw new MemberTypeException(name, "Member " + name + " must be a timestamp");
      }
    }
  }

  private static Instant epochSeconds(BigDecimal seconds) {
    long whole = seconds.longValue();
    long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
    return Instant.ofEpochSecond(whole, nanos);
  }

  public StructNode struct(String name) {
    Node node = members.get(name);
    if (node == null) {
      return null;
    }
    if (node instanceof StructNode struct) {
      return struct;
    }
    if (node instanceof MapNode map) {
      return new StructNode(map.entries());
    }
    throw new MemberTypeException(name, "Member " + name + " must be a structure");
  }

  /** A list member; an absent member is an empty list. */
  public ListNode list(String name) {
    Node node = members.get(name);
    if (node == null) {
      return new ListNode(List.of());
    }
    if (node instanceof ListNode list) {
      return list;
    }
    if (isEmptyText(node)) {
      // the Query protocol sends an empty list as "Name=" because it has no other way to say it
      return new ListNode(List.of());
    }
    throw new MemberTypeException(name, "Member " + name + " must be a list");
  }

  /** A map member; JSON objects arrive as structures, so both read as maps. An absent member is null. */
  public MapNode map(String name) {
    Node node = members.get(name);
    if (node == null) {
      return null;
    }
    if (node instanceof MapNode map) {
      return map;
    }
    if (node instanceof StructNode struct) {
      return new MapNode(struct.members());
    }
    if (isEmptyText(node)) {
      return new MapNode(Map.of());
    }
    throw new MemberTypeException(name, "Member " + name + " must be a map");
  }

  private static boolean isEmptyText(Node node) {
    return node instanceof StringNode text && text.value().isEmpty();
  }

  public StructNode with(String name, Node value) {
    Map<String, Node> copy = new LinkedHashMap<>(members);
    copy.put(name, value);
    return new StructNode(copy);
  }

  @Override
  public String asText() {
    return null;
  }

  /** Builds output structures; null values are skipped because AWS serialisers omit absent members. */
  public static final class Builder {
    private final Map<String, Node> members = new LinkedHashMap<>();

    private Builder() {}

    public Builder put(String name, Node value) {
      if (value != null) {
        members.put(name, value);
      }
      return this;
    }

    public Builder put(String name, String value) {
      return value == null ? this : put(name, new StringNode(value));
    }

    public Builder put(String name, Long value) {
      return value == null ? this : put(name, NumberNode.of(value));
    }

    public Builder put(String name, Integer value) {
      return value == null ? this : put(name, NumberNode.of(value.longValue()));
    }

    public Builder put(String name, Double value) {
      return value == null ? this : put(name, NumberNode.of(value));
    }

    public Builder put(String name, Boolean value) {
      return value == null ? this : put(name, BooleanNode.of(value));
    }

    public Builder put(String name, Instant value) {
      return value == null ? this : put(name, new TimestampNode(value));
    }

    public StructNode build() {
      return new StructNode(members);
    }
  }
}
