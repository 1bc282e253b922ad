package dev.onair.console.ivs;

import dev.onair.console.web.Api;
import dev.onair.console.web.ConsoleRequest;
import dev.onair.console.web.Form;
import dev.onair.console.web.Html;
import dev.onair.console.web.Layout;
import dev.onair.console.web.Responses;
import dev.onair.console.web.Routes;
import dev.onair.console.web.Ui;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.tree.StructNode;
import java.util.ArrayList;
import java.util.List;

/** Create channel: name, type, latency mode, playback authorization, insecure ingest, recording configuration. */
public final class ChannelCreatePages {
  private final Api api;

  public ChannelCreatePages(Api api) {
    this.api = api;
  }

  public void register(Routes routes) {
    routes.get("/ivs/channels/create", request -> form(request, Form.EMPTY, 200, Html.EMPTY));
    routes.post("/ivs/channels/create", this::create);
  }

  private HttpResponse form(ConsoleRequest request, Form values, int status, Html banner) {
    List<String[]> recordings = new ArrayList<>();
    recordings.add(new String[] {"", "No recording (Auto-record to S3 disabled)"});
    Html recordingNote = Html.EMPTY;
    try {
      for (StructNode configuration : api.ivsAll(request, "ListRecordingConfigurations", StructNode.EMPTY,
          "recordingConfigurations")) {
        String arn = configuration.string("arn");
        String name = configuration.string("name");
        recordings.add(new String[] {arn, (name == null || name.isEmpty() ? IvsText.lastSegment(arn) : name)
            + " (" + configuration.string("state") + ")"});
      }
    } catch (AwsServiceException e) {
      recordingNote = Html.of("<p class=\"hint\">Recording configurations cannot be listed: {}</p>", e.getMessage());
    }
    String type = values.get("type") == null ? "STANDARD" : values.get("type");
    String latency = values.get("latencyMode") == null ? "LOW" : values.get("latencyMode");
    Html body = Ui.postForm(request.session(), "/console/ivs/channels/create", Html.of(
        "<section class=\"panel\"><h2>Setup</h2>{}</section>"
            + "<section class=\"panel\"><h2>Channel configuration</h2>{}"
            + "<fieldset><legend>Video latency</legend>{}{}</fieldset></section>"
            + "<section class=\"panel\"><h2>Playback authorization</h2>{}</section>"
            + "<section class=\"panel\"><h2>Insecure ingest</h2>{}</section>"
            + "<section class=\"panel\"><h2>Record and store streams</h2>{}{}</section>"
            + "<div class=\"buttons\"><a class=\"button\" href=\"/console/ivs/channels\">Cancel</a>"
            + "<button type=\"submit\" class=\"primary\" id=\"channel-create\">Create channel</button></div>",
        Ui.field("text", "channel-name", "name", "Channel name - optional", values.get("name"),
            "Maximum 128 characters. Valid characters: a-z, A-Z, 0-9, - (hyphen), and _ (underscore).",
            " maxlength=\"128\""),
        Ui.select("channel-type", "type", "Channel type", List.of(
            new String[] {"STANDARD", "Standard: multiple qualities for viewers (transcoding)"},
            new String[] {"BASIC", "Basic: delivers the original input"},
            new String[] {"ADVANCED_SD", "Advanced SD"},
            new String[] {"ADVANCED_HD", "Advanced HD"}), type),
        Ui.radio("latency-low", "latencyMode", "LOW", "Ultra-low latency", "LOW".equals(latency),
            "Best for real-time interaction with viewers."),
        Ui.radio("latency-normal", "latencyMode", "NORMAL", "Normal latency", "NORMAL".equals(latency),
            "Use if interaction with viewers is not needed."),
        Ui.checkbox("channel-authorized", "authorized", "true",
            "Enable token-authorization requirement for video playback", values.checked("authorized"),
            "Viewers need a playback token signed with one of your playback keys."),
        Ui.checkbox("channel-insecure", "insecureIngest", "true",
            "Allow insecure RTMP ingest", values.checked("insecureIngest"),
            "Broadcasters may send over plain RTMP as well as RTMPS."),
        Ui.select("channel-recording", "recordingConfigurationArn", "Recording configuration", recordings,
            values.get("recordingConfigurationArn") == null ? "" : values.get("recordingConfigurationArn")),
        recordingNote));
    return Responses.html(status, Layout.page(request.session(), Layout.Section.IVS, IvsText.CHANNELS,
        "Create channel", banner, body));
  }

  private HttpResponse create(ConsoleRequest request) {
    Form form = request.form();
    String recording = form.trimmed("recordingConfigurationArn");
    StructNode input = Api.input(
        "name", form.trimmed("name"),
        "type", form.trimmed("type"),
        "latencyMode", form.trimmed("latencyMode"),
        "authorized", form.checked("authorized"),
        "insecureIngest", form.checked("insecureIngest"),
        "recordingConfigurationArn", recording);
    StructNode channel;
    try {
      channel = api.ivs(request, "CreateChannel", input).struct("channel");
    } catch (AwsServiceException e) {
      return form(request, form, e.errorCode().httpStatus(), Ui.error(e));
    }
    String name = channel.string("name");
    request.session().flash("Channel " + (name == null || name.isEmpty() ? IvsText.lastSegment(channel.string("arn"))
        : name) + " created.");
    return Responses.redirect(IvsText.channelPath(channel.string("arn")));
  }
}
