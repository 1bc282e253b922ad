package dev.onair.console.iam;

import dev.onair.console.web.Api;
import dev.onair.console.web.ConsoleRequest;
import dev.onair.protocol.tree.StructNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Managed policies as the Policies page and the policy pickers list them: all of them, then filtered. */
final class PolicyList {
  static final String AWS_PREFIX = "arn:aws:iam::aws:policy/";
  static final int MAX_SHOWN = 100;

  /** One managed policy. */
  record Entry(String name, String arn, String type, int attachments, String path) {
    boolean awsManaged() {
      return arn.startsWith(AWS_PREFIX);
    }

    boolean matches(String search) {
      if (search == null || search.isBlank()) {
        return true;
      }
      String needle = search.trim().toLowerCase(Locale.ROOT);
      return name.toLowerCase(Locale.ROOT).contains(needle) || type.toLowerCase(Locale.ROOT).contains(needle);
    }
  }

  private PolicyList() {}

  /** @param scope IAM's ListPolicies Scope: All, AWS or Local */
  static List<Entry> load(Api api, ConsoleRequest request, String scope) {
    List<Entry> entries = new ArrayList<>();
    for (StructNode policy : api.iamAll(request, "ListPolicies", Api.input("Scope", scope), "Policies", 5000)) {
      entries.add(entry(policy));
    }
    entries.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
    return entries;
  }

  static Entry entry(StructNode policy) {
    String arn = policy.string("Arn");
    String path = policy.string("Path") == null ? "/" : policy.string("Path");
    Integer count = policy.integer("AttachmentCount");
    return new Entry(policy.string("PolicyName"), arn, type(arn, path), count == null ? 0 : count, path);
  }

  static String type(String arn, String path) {
    if (arn.startsWith(AWS_PREFIX)) {
      return path != null && path.startsWith("/job-function/") ? "AWS managed - job function" : "AWS managed";
    }
    return "Customer managed";
  }

  static List<Entry> filter(List<Entry> entries, String type, String search) {
    List<Entry> shown = new ArrayList<>();
    for (Entry entry : entries) {
      boolean typeMatches = type == null || type.isEmpty() || type.equals("all")
          || (type.equals("aws") && entry.awsManaged())
          || (type.equals("customer") && !entry.awsManaged());
      if (typeMatches && entry.matches(search)) {
        shown.add(entry);
      }
    }
    return shown;
  }
}
