package dev.onair.console.web;

import dev.onair.console.session.Session;
import dev.onair.console.session.SignedIn;
import java.util.ArrayList;
import java.util.List;

/** The frame around every page: skip link, top bar with services and sign-out, side navigation, main content. */
public final class Layout {
  /** The console's areas; each has its own side navigation. */
  public enum Section {
    HOME,
    IAM,
    IVS,
    NONE
  }

  private static final List<String[]> IAM_NAV = List.of(
      new String[] {"/console/iam/groups", "User groups"},
      new String[] {"/console/iam/users", "Users"},
      new String[] {"/console/iam/roles", "Roles"},
      new String[] {"/console/iam/policies", "Policies"},
      new String[] {"/console/iam/account-settings", "Account settings"});

  private static final List<String[]> IVS_NAV = List.of(
      new String[] {"/console/ivs/channels", "Channels"},
      new String[] {"/console/ivs/recording-configurations", "Recording configurations"},
      new String[] {"/console/ivs/playback-keys", "Playback keys"},
      new String[] {"/console/ivs/playback-restriction-policies", "Playback restriction policies"});

  private Layout() {}

  /**
   * @param active the side-navigation entry to mark current (its path), or null
   * @param banner an alert to show above the content (a flash or an error), or {@link Html#EMPTY}
   */
  public static Html page(Session session, Section section, String active, String title, Html banner, Html content) {
    Html flash = session == null ? Html.EMPTY : session.takeFlash().map(Ui::success).orElse(Html.EMPTY);
    return Html.of(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>{} | Onair console</title>"
            + "<link rel=\"stylesheet\" href=\"/console/assets/console.css\">"
            + "<script src=\"/console/assets/console.js\" defer></script></head>"
            + "<body><a class=\"skip\" href=\"#main\">Skip to main content</a>{}"
            + "<div class=\"frame\">{}<main id=\"main\" tabindex=\"-1\">{}{}<h1>{}</h1>{}</main></div></body></html>",
        title, topBar(session, section), sideNav(section, active), flash, banner, title, content);
  }

  private static Html topBar(Session session, Section section) {
    SignedIn principal = session == null ? null : session.principal();
    if (principal == null || session.state() == Session.State.ANONYMOUS) {
      return Html.literal("<header class=\"top\"><span class=\"brand\">Onair</span></header>");
    }
    Html services = session.signedIn()
        ? Html.of("<nav aria-label=\"Services\" class=\"services\"><a href=\"/console/iam/users\"{}>IAM</a>"
                + "<a href=\"/console/ivs/channels\"{}>IVS</a></nav>",
            current(section == Section.IAM), current(section == Section.IVS))
        : Html.EMPTY;
    Html who = Html.of("<span class=\"who\" data-testid=\"identity\">{} @ {}</span>",
        principal.displayName(), principal.accountLabel());
    Html signOut = Html.of(
        "<form method=\"post\" action=\"/console/signout\" class=\"inline\">{}<button type=\"submit\" class=\"link\">Sign out</button></form>",
        Ui.csrf(session));
    return Html.of("<header class=\"top\"><a class=\"brand\" href=\"/console/\">Onair</a>{}<div class=\"account\">{}{}</div></header>",
        services, who, signOut);
  }

  private static Html sideNav(Section section, String active) {
    List<String[]> entries = switch (section) {
      case IAM -> IAM_NAV;
      case IVS -> IVS_NAV;
      case HOME, NONE -> List.of();
    };
    if (entries.isEmpty()) {
      return Html.EMPTY;
    }
    String heading = section == Section.IAM ? "Identity and Access Management (IAM)" : "Amazon IVS: Low-latency streaming";
    List<Html> items = new ArrayList<>();
    for (String[] entry : entries) {
      items.add(Html.of("<li><a href=\"{}\"{}>{}</a></li>", entry[0], current(entry[0].equals(active)), entry[1]));
    }
    return Html.of("<nav class=\"side\" aria-label=\"{}\"><p class=\"side-title\">{}</p><ul>{}</ul></nav>",
        heading, heading, Html.join(items));
  }

  private static Html current(boolean current) {
    return Html.when(current, Html.literal(" aria-current=\"page\""));
  }
}
