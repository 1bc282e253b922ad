package dev.onair.iam.support;

import dev.onair.iam.IamErrors;
import dev.onair.iam.model.Tag;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.StructNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads operation input members, turning wrong types and missing members into IAM's validation errors. */
public final class Params {
  private static final Pattern TAG_KEY = Pattern.compile(Validation.TAG_KEY_PATTERN);
  private static final Pattern TAG_VALUE = Pattern.compile(Validation.TAG_VALUE_PATTERN);
  public static final int MAX_TAGS = 50;

  private Params() {}

  public static String required(StructNode input, String member) {
    String value = optional(input, member);
    Validation.requireNotNull(member, value);
    return value;
  }

  public static String optional(StructNode input, String member) {
    try {
      return input.string(member);
    } catch (StructNode.MemberTypeException e) {
      throw IamErrors.validation(e.getMessage());
    }
  }

  public static Integer integer(StructNode input, String member) {
    try {
      return input.integer(member);
    } catch (StructNode.MemberTypeException e) {
      throw Validation.failed(member, String.valueOf(input.string(member)), "Member must be an integer");
    }
  }

  public static Boolean bool(StructNode input, String member) {
    try {
      return input.bool(member);
    } catch (StructNode.MemberTypeException e) {
      throw Validation.failed(member, String.valueOf(input.string(member)), "Member must be a boolean");
    }
  }

  public static boolean bool(StructNode input, String member, boolean defaultValue) {
    Boolean value = bool(input, member);
    return value == null ? defaultValue : value;
  }

  public static List<String> strings(StructNode input, String member) {
    try {
      return input.list(member).strings();
    } catch (StructNode.MemberTypeException e) {
      throw IamErrors.validation(e.getMessage());
    }
  }

  /** A list of structures; a single structure counts as a one-element list. */
  public static List<StructNode> structs(StructNode input, String member) {
    Node node = input.get(member);
    if (node == null) {
      return List.of();
    }
    List<StructNode> result = new ArrayList<>();
    if (node instanceof StructNode struct) {
      result.add(struct);
      return result;
    }
    if (!(node instanceof ListNode list)) {
      throw IamErrors.validation("Member " + member + " must be a list");
    }
    for (Node item : list.items()) {
      if (!(item instanceof StructNode struct)) {
        throw IamErrors.validation("Member " + member + " must be a list of structures");
      }
      result.add(struct);
    }
    return result;
  }

  /**
   * A {@code Tags} member: at most 50, each key 1–128 and value 0–256 of IAM's tag characters, keys unique
   * case-insensitively.
   */
  public static List<Tag> tags(StructNode input, String member) {
    List<StructNode> items = structs(input, member);
    if (items.size() > MAX_TAGS) {
      throw Validation.failed(member, "[...]", "Member must have length less than or equal to " + MAX_TAGS);
    }
    List<Tag> tags = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (StructNode item : items) {
      String key = optional(item, "Key");
      String value = optional(item, "Value");
      Validation.requireNotNull("tags.member.key", key);
      Validation.requireNotNull("tags.member.value", value);
      validateTagKey(key);
      Validation.length("tags.member.value", value, 0, 256);
      Validation.pattern("tags.member.value", value, TAG_VALUE);
      if (!seen.add(key.toLowerCase(Locale.ROOT))) {
        throw IamErrors.invalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
      }
      tags.add(new Tag(key, value));
    }
    return tags;
  }

  public static void validateTagKey(String key) {
    Validation.length("tags.member.key", key, 1, 128);
    Validation.pattern("tags.member.key", key, TAG_KEY);
  }

  public static List<String> tagKeys(StructNode input, String member) {
    List<String> keys = strings(input, member);
    Validation.requireNotNull(member, input.get(member));
    if (keys.size() > MAX_TAGS) {
      throw Validation.failed(member, "[...]", "Member must have length less than or equal to " + MAX_TAGS);
    }
    keys.forEach(Params::validateTagKey);
    return keys;
  }
}
