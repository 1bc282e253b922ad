package dev.onair.console.iam;

import dev.onair.console.session.Reveal;
import dev.onair.console.web.ConsoleRequest;
import dev.onair.console.web.Html;
import dev.onair.console.web.Layout;
import dev.onair.console.web.Responses;
import dev.onair.console.web.Routes;
import dev.onair.console.web.Ui;
import dev.onair.protocol.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Retrieve password / Retrieve access keys: the one page that shows a new secret, once. Reloading it, or coming
 * back after leaving it, says the secret is gone; the .csv can be downloaded while the page is open.
 */
public final class RevealPages {
  public void register(Routes routes) {
    routes.get("/reveal/{}", this::show);
    routes.post("/reveal/{}/csv", this::csv);
    routes.post("/reveal/{}/done", this::done);
  }

  private HttpResponse show(ConsoleRequest request) {
    String id = request.parameter(0);
    Optional<Reveal> reveal = request.session().showReveal(id);
    if (reveal.isEmpty()) {
      return Responses.html(410, Layout.page(request.session(), Layout.Section.IAM, null, "Secret no longer available",
          Ui.info("This secret was shown once and cannot be shown again. Create a new access key or reset the password if it was not saved."),
          Html.literal("<p><a href=\"/console/iam/users\">Return to users list</a></p>")));
    }
    boolean password = reveal.get().kind().equals("password");
    List<Html> rows = new ArrayList<>();
    for (Map.Entry<String, String> field : reveal.get().fields().entrySet()) {
      boolean secret = field.getKey().equals("Password") || field.getKey().equals("Secret access key");
      String fieldId = "reveal-" + field.getKey().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
      rows.add(secret
          ? Html.of("<div><dt><label for=\"{}\">{}</label></dt><dd class=\"secret\">"
                  + "<input type=\"password\" readonly id=\"{}\" value=\"{}\" class=\"secret-value\" autocomplete=\"off\">"
                  + "<button type=\"button\" class=\"secondary\" data-toggle-secret=\"{}\" aria-controls=\"{}\">Show</button></dd></div>",
              fieldId, field.getKey(), fieldId, field.getValue(), fieldId, fieldId)
          : Html.of("<div><dt>{}</dt><dd id=\"{}\">{}</dd></div>", field.getKey(), fieldId, field.getValue()));
    }
    String base = "/console/reveal/" + Html.segment(id);
    Html warning = password
        ? Ui.warning("You can view and download the user's password below or email users instructions for signing in to the AWS Management Console. This is the only time you can view and download this password.")
        : Ui.warning("This is the only time that the secret access key can be viewed or downloaded. You cannot recover it later. However, you can create a new access key any time.");
    Html body = Html.of(
        "{}<section class=\"panel\"><h2>{}</h2><dl class=\"kv\">{}</dl></section><div class=\"buttons\">"
            + "<form method=\"post\" action=\"{}\" class=\"inline\">{}<button type=\"submit\" class=\"secondary\" id=\"download-csv\">Download .csv file</button></form>"
            + "<form method=\"post\" action=\"{}\" class=\"inline\">{}<button type=\"submit\" class=\"primary\" id=\"reveal-done\">{}</button></form></div>",
        warning, password ? "Console sign-in details" : "Access key", Html.join(rows),
        base + "/csv", Ui.csrf(request.session()),
        base + "/done", Ui.csrf(request.session()), password ? "Return to users list" : "Done");
    return Responses.html(200, Layout.page(request.session(), Layout.Section.IAM, null,
        password ? "Retrieve password" : "Retrieve access keys", Html.EMPTY, body));
  }

  private HttpResponse csv(ConsoleRequest request) {
    Optional<Reveal> reveal = request.session().revealForDownload(request.parameter(0));
    if (reveal.isEmpty()) {
      return Responses.text(410, "This secret is no longer available.");
    }
    return Responses.download(reveal.get().csvName(), "text/csv; charset=utf-8", reveal.get().csv());
  }

  private HttpResponse done(ConsoleRequest request) {
    String target = request.session().revealForDownload(request.parameter(0)).map(Reveal::returnPath)
        .orElse("/console/iam/users");
    request.session().discardReveals();
    return Responses.redirect(target);
  }
}
