package dev.onair.console.ivs;

import dev.onair.console.web.Api;
import dev.onair.console.web.ConsoleRequest;
import dev.onair.console.web.Fmt;
import dev.onair.console.web.Form;
import dev.onair.console.web.Html;
import dev.onair.console.web.Layout;
import dev.onair.console.web.Responses;
import dev.onair.console.web.Routes;
import dev.onair.console.web.Ui;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.StructNode;
import dev.onair.protocol.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * IVS → Recording configurations, Playback keys and Playback restriction policies: each a list with a create
 * (or import) form and delete.
 */
public final class IvsResourcePages {
  private static final String RECORDINGS = "/console/ivs/recording-configurations";
  private static final String KEYS = "/console/ivs/playback-keys";
  private static final String RESTRICTIONS = "/console/ivs/playback-restriction-policies";

  private final Api api;

  public IvsResourcePages(Api api) {
    this.api = api;
  }

  public void register(Routes routes) {
    routes.get("/ivs/recording-configurations", request -> recordings(request, 200, Html.EMPTY));
    routes.post("/ivs/recording-configurations", this::createRecording);
    routes.post("/ivs/recording-configurations/delete", request -> delete(request, "DeleteRecordingConfiguration",
        RECORDINGS, "Recording configuration"));
    routes.get("/ivs/playback-keys", request -> keys(request, 200, Html.EMPTY));
    routes.post("/ivs/playback-keys", this::importKey);
    routes.post("/ivs/playback-keys/delete", request -> delete(request, "DeletePlaybackKeyPair", KEYS,
        "Playback key"));
    routes.get("/ivs/playback-restriction-policies", request -> restrictions(request, 200, Html.EMPTY));
    routes.post("/ivs/playback-restriction-policies", this::createRestriction);
    routes.post("/ivs/playback-restriction-policies/delete", request -> delete(request,
        "DeletePlaybackRestrictionPolicy", RESTRICTIONS, "Playback restriction policy"));
  }

  private Html deleteButton(ConsoleRequest request, String path, String arn, String name) {
    return Html.of("<form method=\"post\" action=\"{}\" class=\"inline\">{}<input type=\"hidden\" name=\"arn\" value=\"{}\">"
            + "<button type=\"submit\" class=\"link\" aria-label=\"Delete {}\">Delete</button></form>",
        path + "/delete", Ui.csrf(request.session()), arn, name);
  }

  private Html list(ConsoleRequest request, String operation, String member, String caption, List<String> headers,
      java.util.function.Function<StructNode, List<Html>> cells, String empty) {
    try {
      List<StructNode> items = api.ivsAll(request, operation, StructNode.EMPTY, member);
      return Ui.table(caption + " (" + items.size() + ")", headers, items, cells, empty);
    } catch (AwsServiceException e) {
      return Ui.error(e);
    }
  }

  private HttpResponse recordings(ConsoleRequest request, int status, Html banner) {
    Html table = list(request, "ListRecordingConfigurations", "recordingConfigurations", "Recording configurations",
        List.of("Name", "S3 bucket", "State", "Actions"), item -> {
          StructNode s3 = item.struct("destinationConfiguration") == null ? null
              : item.struct("destinationConfiguration").struct("s3");
          return List.of(Html.text(Fmt.orDash(item.string("name"))),
              Html.text(s3 == null ? "-" : s3.string("bucketName")), Html.text(item.string("state")),
              deleteButton(request, RECORDINGS, item.string("arn"), Fmt.orDash(item.string("name"))));
        }, "No recording configurations.");
    Html form = Ui.postForm(request.session(), RECORDINGS, Html.of(
        "{}{}<div class=\"buttons\"><button type=\"submit\" class=\"primary\" id=\"recording-create\">Create recording configuration</button></div>",
        Ui.field("text", "recording-name", "name", "Recording configuration name - optional", null, null, " maxlength=\"128\""),
        Ui.field("text", "recording-bucket", "bucketName", "S3 bucket name", null,
            "An existing bucket in this region that the IVS service-linked role may write to.", " required")));
    return Responses.html(status, Layout.page(request.session(), Layout.Section.IVS, RECORDINGS,
        "Recording configurations", banner, Html.join(Ui.panel("Recording configurations", Html.EMPTY, table),
            Ui.panel("Create recording configuration", Html.EMPTY, form))));
  }

  private HttpResponse createRecording(ConsoleRequest request) {
    Form form = request.form();
    StructNode destination = Api.input("s3", Api.input("bucketName", form.trimmed("bucketName")));
    try {
      api.ivs(request, "CreateRecordingConfiguration", Api.input("name", form.trimmed("name"),
          "destinationConfiguration", destination));
    } catch (AwsServiceException e) {
      return recordings(request, e.errorCode().httpStatus(), Ui.error(e));
    }
    request.session().flash("Recording configuration created.");
    return Responses.redirect(RECORDINGS);
  }

  private HttpResponse keys(ConsoleRequest request, int status, Html banner) {
    Html table = list(request, "ListPlaybackKeyPairs", "keyPairs", "Playback keys",
        List.of("Name", "ARN", "Actions"), item -> List.of(Html.text(Fmt.orDash(item.string("name"))),
            Html.text(item.string("arn")),
            deleteButton(request, KEYS, item.string("arn"), Fmt.orDash(item.string("name")))),
        "No playback keys.");
    Html form = Ui.postForm(request.session(), KEYS, Html.of(
        "{}<div class=\"field\"><label for=\"public-key\">Public key (PEM)</label>"
            + "<textarea id=\"public-key\" name=\"publicKeyMaterial\" rows=\"6\" class=\"code\" required></textarea></div>"
            + "<div class=\"buttons\"><button type=\"submit\" class=\"primary\">Import playback key</button></div>",
        Ui.field("text", "key-name", "name", "Playback key name - optional", null, null, " maxlength=\"128\"")));
    return Responses.html(status, Layout.page(request.session(), Layout.Section.IVS, KEYS, "Playback keys", banner,
        Html.join(Ui.panel("Playback keys", Html.EMPTY, table), Ui.panel("Import playback key", Html.EMPTY, form))));
  }

  private HttpResponse importKey(ConsoleRequest request) {
    try {
      api.ivs(request, "ImportPlaybackKeyPair", Api.input("name", request.form().trimmed("name"),
          "publicKeyMaterial", request.form().trimmed("publicKeyMaterial")));
    } catch (AwsServiceException e) {
      return keys(request, e.errorCode().httpStatus(), Ui.error(e));
    }
    request.session().flash("Playback key imported.");
    return Responses.redirect(KEYS);
  }

  private HttpResponse restrictions(ConsoleRequest request, int status, Html banner) {
    Html table = list(request, "ListPlaybackRestrictionPolicies", "playbackRestrictionPolicies",
        "Playback restriction policies", List.of("Name", "Allowed countries", "Allowed origins", "Actions"),
        item -> List.of(Html.text(Fmt.orDash(item.string("name"))),
            Html.text(String.join(", ", item.list("allowedCountries").strings())),
            Html.text(String.join(", ", item.list("allowedOrigins").strings())),
            deleteButton(request, RESTRICTIONS, item.string("arn"), Fmt.orDash(item.string("name")))),
        "No playback restriction policies.");
    Html form = Ui.postForm(request.session(), RESTRICTIONS, Html.of(
        "{}{}{}{}<div class=\"buttons\"><button type=\"submit\" class=\"primary\">Create playback restriction policy</button></div>",
        Ui.field("text", "restriction-name", "name", "Name - optional", null, null, " maxlength=\"128\""),
        Ui.field("text", "restriction-countries", "allowedCountries", "Allowed countries", null,
            "ISO 3166-1 alpha-2 codes separated by commas, or * for all.", null),
        Ui.field("text", "restriction-origins", "allowedOrigins", "Allowed origins", null,
            "Origins separated by commas, e.g. https://example.com, or * for all.", null),
        Ui.checkbox("restriction-strict", "enableStrictOriginEnforcement", "true",
            "Enable strict origin enforcement", false, null)));
    return Responses.html(status, Layout.page(request.session(), Layout.Section.IVS, RESTRICTIONS,
        "Playback restriction policies", banner, Html.join(
            Ui.panel("Playback restriction policies", Html.EMPTY, table),
            Ui.panel("Create playback restriction policy", Html.EMPTY, form))));
  }

  private HttpResponse createRestriction(ConsoleRequest request) {
    Form form = request.form();
    try {
      api.ivs(request, "CreatePlaybackRestrictionPolicy", Api.input("name", form.trimmed("name"),
          "allowedCountries", csv(form.get("allowedCountries")), "allowedOrigins", csv(form.get("allowedOrigins")),
          "enableStrictOriginEnforcement", form.checked("enableStrictOriginEnforcement")));
    } catch (AwsServiceException e) {
      return restrictions(request, e.errorCode().httpStatus(), Ui.error(e));
    }
    request.session().flash("Playback restriction policy created.");
    return Responses.redirect(RESTRICTIONS);
  }

  private static ListNode csv(String text) {
    List<String> values = new ArrayList<>();
    if (text != null) {
      for (String part : text.split(",")) {
        if (!part.isBlank()) {
          values.add(part.trim());
        }
      }
    }
    return ListNode.ofStrings(values);
  }

  private HttpResponse delete(ConsoleRequest request, String operation, String path, String what) {
    try {
      api.ivs(request, operation, Api.input("arn", request.form().get("arn")));
    } catch (AwsServiceException e) {
      return Responses.html(e.errorCode().httpStatus(), Layout.page(request.session(), Layout.Section.IVS, path,
          what, Ui.error(e), Ui.link(path, "Back")));
    }
    request.session().flash(what + " deleted.");
    return Responses.redirect(path);
  }
}
