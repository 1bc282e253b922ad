package dev.onair.console.iam;

import dev.onair.console.web.Html;
import dev.onair.console.web.Ui;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * "Permissions policies": a search box over AWS managed and customer managed policies with a check box per
 * policy. The search is a submit button of the surrounding form (so it works without script, and pressing Enter
 * in the box searches); selections outside the current filter ride along as hidden fields and are not lost.
 */
final class PolicyPicker {
  static final String FIELD = "policyArn";

  private PolicyPicker() {}

  /**
   * @param disabled ARNs that cannot be chosen (already attached), shown checked and disabled
   */
  static Html render(List<PolicyList.Entry> all, Set<String> selected, Set<String> disabled, String search) {
    List<PolicyList.Entry> shown = PolicyList.filter(all, "all", search);
    List<PolicyList.Entry> page = shown.size() > PolicyList.MAX_SHOWN ? shown.subList(0, PolicyList.MAX_SHOWN) : shown;
    List<Html> hidden = new ArrayList<>();
    for (String arn : selected) {
      if (page.stream().noneMatch(entry -> entry.arn().equals(arn))) {
        hidden.add(Html.of("<input type=\"hidden\" name=\"{}\" value=\"{}\">", FIELD, arn));
      }
    }
    Html searchBox = Html.of(
        "<div class=\"filters\" role=\"search\"><div class=\"field\"><label for=\"policy-search\">Search</label>"
            + "<input type=\"search\" id=\"policy-search\" name=\"search\" value=\"{}\" data-filter-table=\"policy-picker\"></div>"
            + "<button type=\"submit\" name=\"op\" value=\"search\" id=\"policy-search-button\" formnovalidate>Search</button></div>",
        search == null ? "" : search);
    Html table = Ui.table("Permissions policies (" + all.size() + ")", List.of("Select", "Policy name", "Type",
            "Attached entities"), page,
        entry -> {
          String id = "policy-" + Integer.toHexString(entry.arn().hashCode());
          boolean locked = disabled.contains(entry.arn());
          return List.of(
              Html.of("<input type=\"checkbox\" id=\"{}\" name=\"{}\" value=\"{}\" aria-label=\"Select {}\"{}{}>",
                  id, FIELD, entry.arn(), entry.name(),
                  Html.when(selected.contains(entry.arn()) || locked, Html.literal(" checked")),
                  Html.when(locked, Html.literal(" disabled"))),
              Html.of("<label for=\"{}\">{}</label>", id, entry.name()),
              Html.text(entry.type()),
              Html.text(entry.attachments()));
        }, "No policies match the search.");
    return Html.of("<div id=\"policy-picker\">{}{}{}{}</div>", searchBox,
        Html.when(shown.size() > page.size(), Ui.info("Showing the first " + page.size() + " of " + shown.size()
            + " matching policies. Refine the search to see others.")),
        table, Html.join(hidden));
  }
}
