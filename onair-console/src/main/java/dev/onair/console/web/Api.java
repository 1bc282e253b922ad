package dev.onair.console.web;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.OperationInvoker;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.tree.BooleanNode;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.NumberNode;
import dev.onair.protocol.tree.StringNode;
import dev.onair.protocol.tree.StructNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls AWS operations as the signed-in principal. Everything a page reads or changes goes through here, and so
 * through the same authorization as the API: there is no other way into the services from the console.
 */
public final class Api {
  private final OperationInvoker invoker;

  public Api(OperationInvoker invoker) {
    this.invoker = requireNonNull(invoker, "invoker is null");
  }

  /**
   * @throws AwsServiceException the service's error (AccessDenied with AWS's message, NoSuchEntity, ...)
   */
  public StructNode call(ConsoleRequest request, String service, String operation, StructNode input) {
    OperationResult result =
        invoker.invoke(service, operation, input, request.session().principal().caller(), request.http());
    if (result instanceof OperationResult.Output output) {
      return output.body();
    }
    return StructNode.EMPTY;
  }

  public StructNode iam(ConsoleRequest request, String operation, StructNode input) {
    return call(request, "iam", operation, input);
  }

  public StructNode ivs(ConsoleRequest request, String operation, StructNode input) {
    return call(request, "ivs", operation, input);
  }

  /**
   * Every page of an IAM list operation (Marker / IsTruncated), concatenated; stops after {@code maxItems} items.
   */
  public List<StructNode> iamAll(ConsoleRequest request, String operation, StructNode input, String member,
      int maxItems) {
    List<StructNode> items = new ArrayList<>();
    String marker = null;
    do {
      StructNode page = input.with("MaxItems", new StringNode("1000"));
      if (marker != null) {
        page = page.with("Marker", new StringNode(marker));
      }
      StructNode output = iam(request, operation, page);
      items.addAll(structs(output, member));
      marker = Boolean.TRUE.equals(output.bool("IsTruncated")) ? output.string("Marker") : null;
    } while (marker != null && items.size() < maxItems);
    return items;
  }

  /** Every page of an IVS list operation (nextToken). */
  public List<StructNode> ivsAll(ConsoleRequest request, String operation, StructNode input, String member) {
    List<StructNode> items = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      StructNode page = token == null ? input : input.with("nextToken", new StringNode(token));
      StructNode output = ivs(request, operation, page);
      items.addAll(structs(output, member));
      token = output.string("nextToken");
    } while (token != null && ++pages < 50);
    return items;
  }

  /** Input from name/value pairs; null values are left out, Strings become text, Booleans and numbers typed. */
  public static StructNode input(Object... namesAndValues) {
    Map<String, Node> members = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      if (value == null) {
        continue;
      }
      members.put((String) namesAndValues[i], node(value));
    }
    return new StructNode(members);
  }

  private static Node node(Object value) {
    if (value instanceof Node node) {
      return node;
    }
    if (value instanceof Boolean bool) {
      return BooleanNode.of(bool);
    }
    if (value instanceof Integer number) {
      return NumberNode.of(number.longValue());
    }
    if (value instanceof Long number) {
      return NumberNode.of(number);
    }
    return new StringNode(String.valueOf(value));
  }

  public static List<StructNode> structs(StructNode output, String member) {
    List<StructNode> items = new ArrayList<>();
    if (output == null) {
      return items;
    }
    ListNode list = output.list(member);
    for (Node item : list.items()) {
      if (item instanceof StructNode struct) {
        items.add(struct);
      }
    }
    return items;
  }
}
