package dev.onair.console.web;

import dev.onair.console.session.Csrf;
import dev.onair.console.session.Session;
import dev.onair.protocol.error.AwsServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Small shared pieces of markup: alerts, the CSRF field, tables, labelled fields. */
public final class Ui {
  private Ui() {}

  /** The hidden synchronizer token every form carries. */
  public static Html csrf(Session session) {
    return Html.of("<input type=\"hidden\" name=\"{}\" value=\"{}\">", Csrf.FIELD, session.csrfToken());
  }

  /** A POST form with its CSRF field. */
  public static Html postForm(Session session, String action, Html body) {
    return Html.of("<form method=\"post\" action=\"{}\">{}{}</form>", action, csrf(session), body);
  }

  /** A single-button POST form (delete, deactivate): actions never hang off links. */
  public static Html actionButton(Session session, String action, String label, String style) {
    return Html.of(
        "<form method=\"post\" action=\"{}\" class=\"inline\">{}<button type=\"submit\" class=\"{}\">{}</button></form>",
        action, csrf(session), style, label);
  }

  /**
   * How a service error reads on a page. Access denied gets AWS console's heading and the service's own message,
   * which names the principal, the action and the resource.
   */
  public static Html error(AwsServiceException error) {
    String code = error.errorCode().code();
    boolean denied = code.startsWith("AccessDenied");
    return Html.of(
        "<div class=\"alert alert-error\" role=\"alert\"><p class=\"alert-title\">{}</p><p class=\"alert-message\">{}</p>"
            + "<p class=\"code\">{}</p></div>",
        denied ? "You need permissions" : "The request failed",
        error.getMessage(),
        code);
  }

  public static Html errorText(String title, String message) {
    return Html.of(
        "<div class=\"alert alert-error\" role=\"alert\"><p class=\"alert-title\">{}</p><p class=\"alert-message\">{}</p></div>",
        title, message);
  }

  public static Html success(String message) {
    return Html.of("<div class=\"alert alert-success\" role=\"status\"><p>{}</p></div>", message);
  }

  public static Html info(String message) {
    return Html.of("<div class=\"alert alert-info\" role=\"note\"><p>{}</p></div>", message);
  }

  public static Html warning(String message) {
    return Html.of("<div class=\"alert alert-warning\" role=\"note\"><p>{}</p></div>", message);
  }

  /** A table with a caption (read by screen readers), headers, and one row per item. */
  public static <T> Html table(
      String caption, List<String> headers, List<T> rows, Function<T, List<Html>> cells, String emptyText) {
    List<Html> head = new ArrayList<>();
    for (String header : headers) {
      head.add(Html.of("<th scope=\"col\">{}</th>", header));
    }
    List<Html> body = new ArrayList<>();
    for (T row : rows) {
      List<Html> tds = new ArrayList<>();
      for (Html cell : cells.apply(row)) {
        tds.add(Html.of("<td>{}</td>", cell));
      }
      body.add(Html.of("<tr>{}</tr>", Html.join(tds)));
    }
    if (rows.isEmpty()) {
      body.add(Html.of("<tr><td colspan=\"{}\" class=\"empty\">{}</td></tr>", headers.size(), emptyText));
    }
    return Html.of(
        "<div class=\"table-wrap\"><table><caption>{}</caption><thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>",
        caption, Html.join(head), Html.join(body));
  }

  public static Html link(String href, String text) {
    return Html.of("<a href=\"{}\">{}</a>", href, text);
  }

  /**
   * A labelled input; {@code hint} is tied to it with aria-describedby.
   *
   * @param attributes literal attribute snippet written in this code base, e.g. {@code " required"}
   */
  public static Html field(String type, String id, String name, String label, String value, String hint,
      String attributes) {
    String hintId = id + "-hint";
    return Html.of(
        "<div class=\"field\"><label for=\"{}\">{}</label>{}<input type=\"{}\" id=\"{}\" name=\"{}\" value=\"{}\"{}{}></div>",
        id, label,
        hint == null ? Html.EMPTY : Html.of("<p class=\"hint\" id=\"{}\">{}</p>", hintId, hint),
        type, id, name, value == null ? "" : value,
        hint == null ? Html.EMPTY : Html.of(" aria-describedby=\"{}\"", hintId),
        attributes == null ? Html.EMPTY : Html.literal(attributes));
  }

  /** A labelled check box. */
  public static Html checkbox(String id, String name, String value, String label, boolean checked, String hint) {
    return Html.of(
        "<div class=\"check\"><input type=\"checkbox\" id=\"{}\" name=\"{}\" value=\"{}\"{}>"
            + "<label for=\"{}\">{}</label>{}</div>",
        id, name, value, Html.when(checked, Html.literal(" checked")), id, label,
        hint == null ? Html.EMPTY : Html.of("<p class=\"hint\">{}</p>", hint));
  }

  /** A labelled radio button. */
  public static Html radio(String id, String name, String value, String label, boolean checked, String hint) {
    return Html.of(
        "<div class=\"check\"><input type=\"radio\" id=\"{}\" name=\"{}\" value=\"{}\"{}>"
            + "<label for=\"{}\">{}</label>{}</div>",
        id, name, value, Html.when(checked, Html.literal(" checked")), id, label,
        hint == null ? Html.EMPTY : Html.of("<p class=\"hint\">{}</p>", hint));
  }

  /** A radio button shown for AWS's wording but not selectable, with the reason in its hint. */
  public static Html radioUnavailable(String id, String name, String value, String label, String why) {
    return Html.of(
        "<div class=\"check\"><input type=\"radio\" id=\"{}\" name=\"{}\" value=\"{}\" disabled>"
            + "<label for=\"{}\">{}</label><p class=\"hint\">{}</p></div>",
        id, name, value, id, label, why);
  }

  /** A labelled select; {@code options} are value/label pairs. */
  public static Html select(String id, String name, String label, List<String[]> options, String selected) {
    List<Html> items = new ArrayList<>();
    for (String[] option : options) {
      items.add(Html.of("<option value=\"{}\"{}>{}</option>", option[0],
          Html.when(option[0].equals(selected), Html.literal(" selected")), option[1]));
    }
    return Html.of("<div class=\"field\"><label for=\"{}\">{}</label><select id=\"{}\" name=\"{}\">{}</select></div>",
        id, label, id, name, Html.join(items));
  }

  /** A definition list of label → text pairs ("-" for null). */
  public static Html details(List<String[]> pairs) {
    List<Html> items = new ArrayList<>();
    for (String[] pair : pairs) {
      items.add(Html.of("<div><dt>{}</dt><dd>{}</dd></div>", pair[0], pair[1] == null ? "-" : pair[1]));
    }
    return Html.of("<dl class=\"kv\">{}</dl>", Html.join(items));
  }

  /** A definition list whose values are markup. */
  public static Html detailsHtml(List<Object[]> pairs) {
    List<Html> items = new ArrayList<>();
    for (Object[] pair : pairs) {
      items.add(Html.of("<div><dt>{}</dt><dd>{}</dd></div>", pair[0], pair[1]));
    }
    return Html.of("<dl class=\"kv\">{}</dl>", Html.join(items));
  }

  /** A titled box, AWS's "container". */
  public static Html panel(String title, Html actions, Html body) {
    return Html.of("<section class=\"panel\"><div class=\"panel-head\"><h2>{}</h2><div class=\"actions\">{}</div></div>{}</section>",
        title, actions, body);
  }
}
