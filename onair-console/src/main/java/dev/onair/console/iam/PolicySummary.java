package dev.onair.console.iam;

import dev.onair.console.web.Html;
import dev.onair.console.web.Ui;
import dev.onair.policy.PolicyKind;
import dev.onair.policy.PolicyParser;
import dev.onair.policy.catalog.AccessLevel;
import dev.onair.policy.catalog.ActionCatalog;
import dev.onair.policy.catalog.ActionDefinition;
import dev.onair.policy.document.ConditionEntry;
import dev.onair.policy.document.Effect;
import dev.onair.policy.document.PolicyDocument;
import dev.onair.policy.document.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * "Permissions defined in this policy": one row per effect and service with the access levels granted (Full or
 * Limited, as AWS's policy summary puts it), the resources and whether conditions apply. Built from the
 * Service Authorization Reference catalogue in onair-policy.
 */
public final class PolicySummary {
  private static final Map<String, String> SERVICE_NAMES = Map.of(
      "ivs", "IVS",
      "cloudwatch", "CloudWatch",
      "s3", "S3",
      "servicequotas", "Service Quotas",
      "iam", "IAM",
      "sts", "STS",
      "ivschat", "IVS Chat");

  /** One row of the summary. */
  public record Row(String effect, String service, String accessLevel, String resources, String conditions) {}

  private PolicySummary() {}

  public static List<Row> rows(String json) {
    PolicyDocument document = PolicyParser.parse(json, PolicyKind.IDENTITY);
    ActionCatalog catalog = ActionCatalog.get();
    Map<String, Accumulator> byService = new LinkedHashMap<>();
    for (Statement statement : document.statements()) {
      String effect = statement.effect() == Effect.ALLOW ? "Allow" : "Deny";
      List<ActionDefinition> covered = new ArrayList<>();
      if (statement.notAction()) {
        Set<String> excluded = new LinkedHashSet<>();
        statement.actions().forEach(pattern -> catalog.expand(pattern).forEach(a -> excluded.add(a.fullName())));
        catalog.actions().stream().filter(a -> !excluded.contains(a.fullName())).forEach(covered::add);
      } else {
        for (String pattern : statement.actions()) {
          List<ActionDefinition> expanded = catalog.expand(pattern);
          if (expanded.isEmpty()) {
            String service = pattern.contains(":") ? pattern.substring(0, pattern.indexOf(':')) : pattern;
            byService.computeIfAbsent(effect + "|" + service.toLowerCase(Locale.ROOT), k -> new Accumulator())
                .unrecognized.add(pattern);
          }
          covered.addAll(expanded);
        }
      }
      for (ActionDefinition action : covered) {
        Accumulator accumulator = byService.computeIfAbsent(effect + "|" + action.service(), k -> new Accumulator());
        accumulator.actions.add(action.fullName());
        accumulator.levels.add(action.accessLevel());
        accumulator.resources.addAll(statement.notResource()
            ? List.of("All resources except " + String.join(", ", statement.resources()))
            : statement.resources());
        for (ConditionEntry condition : statement.conditions()) {
          accumulator.conditions.add(condition.toString());
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    byService.forEach((key, accumulator) -> {
      String effect = key.substring(0, key.indexOf('|'));
      String service = key.substring(key.indexOf('|') + 1);
      rows.add(new Row(effect, SERVICE_NAMES.getOrDefault(service, service), level(service, accumulator),
          resources(accumulator.resources), accumulator.conditions.isEmpty() ? "None" : "Yes"));
    });
    return rows;
  }

  private static String level(String service, Accumulator accumulator) {
    if (accumulator.actions.isEmpty()) {
      return "Unrecognized actions: " + String.join(", ", accumulator.unrecognized);
    }
    long total = ActionCatalog.get().actions().stream().filter(a -> a.service().equals(service)).count();
    if (accumulator.actions.size() >= total) {
      return "Full access";
    }
    List<String> full = new ArrayList<>();
    List<String> limited = new ArrayList<>();
    for (AccessLevel level : AccessLevel.values()) {
      if (accumulator.levels.contains(level)) {
        long inLevel = ActionCatalog.get().actions().stream()
            .filter(a -> a.service().equals(service) && a.accessLevel() == level).count();
        long granted = accumulator.actions.stream()
            .filter(name -> ActionCatalog.get().find(name).map(a -> a.accessLevel() == level).orElse(false))
            .count();
        (granted >= inLevel ? full : limited).add(level.label());
      }
    }
    List<String> parts = new ArrayList<>();
    if (!full.isEmpty()) {
      parts.add("Full: " + String.join(", ", full));
    }
    if (!limited.isEmpty()) {
      parts.add("Limited: " + String.join(", ", limited));
    }
    return String.join("; ", parts);
  }

  private static String resources(Set<String> resources) {
    if (resources.contains("*")) {
      return "All resources";
    }
    return resources.isEmpty() ? "-" : String.join(", ", resources);
  }

  public static Html table(List<Row> rows) {
    return Ui.table("Permissions defined in this policy", List.of("Effect", "Service", "Access level", "Resource",
        "Request condition"), rows, row -> List.of(Html.text(row.effect()), Html.text(row.service()),
            Html.text(row.accessLevel()), Html.text(row.resources()), Html.text(row.conditions())),
        "This policy defines no permissions.");
  }

  private static final class Accumulator {
    final Set<String> actions = new LinkedHashSet<>();
    final Set<AccessLevel> levels = EnumSet.noneOf(AccessLevel.class);
    final Set<String> resources = new LinkedHashSet<>();
    final Set<String> conditions = new LinkedHashSet<>();
    final List<String> unrecognized = new ArrayList<>();
  }
}
