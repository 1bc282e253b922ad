package dev.onair.console.ivs;

import dev.onair.console.ConsoleSettings;
import dev.onair.console.web.Api;
import dev.onair.console.web.ConsoleRequest;
import dev.onair.console.web.Fmt;
import dev.onair.console.web.Html;
import dev.onair.console.web.Layout;
import dev.onair.console.web.Responses;
import dev.onair.console.web.Routes;
import dev.onair.console.web.Ui;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.http.HttpResponse;
import dev.onair.protocol.tree.StructNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * IVS → Channels: the list, a channel's details (ingest server, stream key hidden until revealed, playback URL,
 * live preview, stream health, sessions) and deleting it. Each section calls its own operation, so a principal
 * allowed some of them sees those and, for the rest, which permission is missing.
 */
public final class ChannelPages {
  private final Api api;
  private final ConsoleSettings settings;

  public ChannelPages(Api api, ConsoleSettings settings) {
    this.api = api;
    this.settings = settings;
  }

  public void register(Routes routes) {
    routes.get("/ivs/channels", this::list);
    routes.get("/ivs/channels/details", request -> details(request, 200, Html.EMPTY, null));
    routes.post("/ivs/channels/stream-key", this::revealStreamKey);
    routes.post("/ivs/channels/delete", this::delete);
    routes.get("/ivs/channels/session", this::session);
  }

  private HttpResponse list(ConsoleRequest request) {
    Html actions = Html.literal("<a class=\"button primary\" href=\"/console/ivs/channels/create\" id=\"create-channel\">Create channel</a>");
    Html body;
    try {
      List<StructNode> channels = api.ivsAll(request, "ListChannels", StructNode.EMPTY, "channels");
      body = Ui.table("Channels (" + channels.size() + ")",
          List.of("Name", "Channel ID", "Type", "Latency mode", "Playback authorization", "Recording"), channels,
          channel -> List.of(
              Ui.link(IvsText.channelPath(channel.string("arn")), Fmt.orDash(channel.string("name"))),
              Html.text(IvsText.lastSegment(channel.string("arn"))),
              Html.text(IvsText.type(channel.string("type"))),
              Html.text(IvsText.latency(channel.string("latencyMode"))),
              Html.text(IvsText.yesNo(channel.bool("authorized"))),
              Html.text(blank(channel.string("recordingConfigurationArn")) ? "Disabled" : "Enabled")),
          "No channels. Create a channel to start streaming.");
    } catch (AwsServiceException e) {
      body = Ui.error(e);
    }
    return Responses.html(200, Layout.page(request.session(), Layout.Section.IVS, IvsText.CHANNELS, "Channels",
        Html.EMPTY, Ui.panel("Channels", actions, body)));
  }

  private static boolean blank(String value) {
    return value == null || value.isEmpty();
  }

  HttpResponse details(ConsoleRequest request, int status, Html banner, String revealedKey) {
    String arn = request.query().get("arn") != null ? request.query().get("arn") : request.form().get("arn");
    if (arn == null) {
      return Responses.redirect(IvsText.CHANNELS);
    }
    StructNode channel;
    try {
      channel = api.ivs(request, "GetChannel", Api.input("arn", arn)).struct("channel");
    } catch (AwsServiceException e) {
      return Responses.html(e.errorCode().httpStatus(), Layout.page(request.session(), Layout.Section.IVS,
          IvsText.CHANNELS, "Channel", Html.join(banner, Ui.error(e)), Html.EMPTY));
    }
    String name = blank(channel.string("name")) ? IvsText.lastSegment(arn) : channel.string("name");
    String playbackUrl = channel.string("playbackUrl");
    Html general = Ui.panel("General configuration", deleteForm(request, arn), Ui.details(List.of(
        new String[] {"Channel name", name},
        new String[] {"ARN", arn},
        new String[] {"Channel type", IvsText.type(channel.string("type"))},
        new String[] {"Video latency", IvsText.latency(channel.string("latencyMode"))},
        new String[] {"Playback authorization", IvsText.yesNo(channel.bool("authorized"))},
        new String[] {"Insecure ingest (RTMP)", IvsText.yesNo(channel.bool("insecureIngest"))},
        new String[] {"Auto-record to S3", blank(channel.string("recordingConfigurationArn")) ? "Disabled"
            : channel.string("recordingConfigurationArn")})));
    Html stream = Ui.panel("Stream configuration", Html.EMPTY, Html.join(
        Ui.detailsHtml(List.of(
            new Object[] {"Ingest server", ingestServers(channel.string("ingestEndpoint"))},
            new Object[] {"Stream key", streamKey(request, arn, revealedKey)},
            new Object[] {"Playback URL", Html.of("<code id=\"playback-url\">{}</code> {}", playbackUrl,
                copyButton("playback-url"))}))));
    StructNode live = null;
    Html health;
    try {
      live = api.ivs(request, "GetStream", Api.input("channelArn", arn)).struct("stream");
      health = Ui.details(List.of(
          new String[] {"State", live.string("state")},
          new String[] {"Health", live.string("health")},
          new String[] {"Viewers", String.valueOf(live.longValue("viewerCount"))},
          new String[] {"Started", Fmt.time(live, "startTime")}));
    } catch (AwsServiceException e) {
      health = e.errorCode().code().equals("ChannelNotBroadcasting")
          ? Html.literal("<p id=\"stream-offline\">Offline. This channel is not broadcasting.</p>") : Ui.error(e);
    }
    boolean isLive = live != null && "LIVE".equals(live.string("state"));
    Html preview = isLive
        ? Html.of("<div class=\"player\"><video id=\"live-preview\" data-src=\"{}\" data-state=\"loading\" controls muted"
                + " autoplay playsinline aria-label=\"Live preview of {}\"></video>"
                + "<p class=\"hint\" id=\"player-status\" aria-live=\"polite\">Loading…</p></div>"
                + "<script src=\"/console/assets/hls.min.js\" defer></script><script src=\"/console/assets/player.js\" defer></script>",
            playbackUrl, name)
        : Html.literal("<p>The live preview appears when the channel is live.</p>");
    Html charts = isLive && live.timestamp("startTime") != null
        ? StreamHealthChart.render(request, api, arn, live.timestamp("startTime"), null)
        : Html.EMPTY;
    Html body = Html.join(general, stream,
        Ui.panel("Live stream", Html.EMPTY, Html.join(health, preview, charts)),
        Ui.panel("Stream sessions", Html.EMPTY, sessions(request, arn)));
    return Responses.html(status, Layout.page(request.session(), Layout.Section.IVS, IvsText.CHANNELS, name, banner,
        body), isLive ? origin(playbackUrl) : null);
  }

  private Html ingestServers(String host) {
    List<Html> lines = new ArrayList<>();
    if (settings.rtmpsPort() > 0) {
      lines.add(Html.of("<code id=\"ingest-rtmps\">rtmps://{}:{}/app/</code>", host, settings.rtmpsPort()));
    }
    lines.add(Html.of("<code id=\"ingest-rtmp\">rtmp://{}:{}/app/</code>", host, settings.rtmpPort()));
    return Html.of("<div class=\"stack\">{}</div>", Html.join(lines));
  }

  /** Not in the page until asked for: revealing calls GetStreamKey, so it is authorized at that moment. */
  private Html streamKey(ConsoleRequest request, String arn, String revealed) {
    if (revealed != null) {
      return Html.of("<code id=\"stream-key-value\">{}</code> {}", revealed, copyButton("stream-key-value"));
    }
    return Html.of(
        "<form method=\"post\" action=\"/console/ivs/channels/stream-key\" class=\"inline\" data-reveal-stream-key>{}"
            + "<input type=\"hidden\" name=\"arn\" value=\"{}\"><span class=\"masked\" aria-label=\"Stream key hidden\">••••••••••••</span> "
            + "<button type=\"submit\" class=\"secondary\" id=\"show-stream-key\">Show stream key</button></form>",
        Ui.csrf(request.session()), arn);
  }

  private static Html copyButton(String targetId) {
    return Html.of("<button type=\"button\" class=\"secondary\" data-copy=\"{}\">Copy</button>", targetId);
  }

  private Html deleteForm(ConsoleRequest request, String arn) {
    return Html.of(
        "<form method=\"post\" action=\"/console/ivs/channels/delete\" class=\"inline delete-form\">{}"
            + "<input type=\"hidden\" name=\"arn\" value=\"{}\"><label for=\"delete-confirm\">To confirm deletion, type <b>delete</b></label>"
            + "<input type=\"text\" id=\"delete-confirm\" name=\"confirm\" autocomplete=\"off\" size=\"8\">"
            + "<button type=\"submit\" class=\"danger\" id=\"delete-channel\">Delete</button></form>",
        Ui.csrf(request.session()), arn);
  }

  private Html sessions(ConsoleRequest request, String arn) {
    try {
      List<StructNode> sessions = api.ivsAll(request, "ListStreamSessions", Api.input("channelArn", arn),
          "streamSessions");
      return Ui.table("Stream sessions (" + sessions.size() + ")",
          List.of("Stream ID", "Start time", "End time", "Errors"), sessions,
          session -> List.of(
              Ui.link("/console/ivs/channels/session?arn=" + Html.segment(arn) + "&streamId="
                  + Html.segment(session.string("streamId")), session.string("streamId")),
              Html.text(Fmt.time(session, "startTime")),
              Html.text(session.has("endTime") ? Fmt.time(session, "endTime") : "Live"),
              Html.text(Boolean.TRUE.equals(session.bool("hasErrorEvent")) ? "Yes" : "No")),
          "No stream sessions yet.");
    } catch (AwsServiceException e) {
      return Ui.error(e);
    }
  }

  private HttpResponse revealStreamKey(ConsoleRequest request) {
    String arn = request.form().get("arn");
    try {
      List<StructNode> keys = Api.structs(api.ivs(request, "ListStreamKeys", Api.input("channelArn", arn)),
          "streamKeys");
      if (keys.isEmpty()) {
        return details(request, 404, Ui.errorText("No stream key", "This channel has no stream key."), null);
      }
      StructNode key = api.ivs(request, "GetStreamKey", Api.input("arn", keys.get(0).string("arn")))
          .struct("streamKey");
      if (request.http().header("X-Requested-With") != null) {
        return Responses.json(200, Fmt.json().createObjectNode().put("value", key.string("value")).toString());
      }
      return details(request, 200, Html.EMPTY, key.string("value"));
    } catch (AwsServiceException e) {
      if (request.http().header("X-Requested-With") != null) {
        return Responses.json(e.errorCode().httpStatus(), Fmt.json().createObjectNode()
            .put("error", e.errorCode().code()).put("message", e.getMessage()).toString());
      }
      return details(request, e.errorCode().httpStatus(), Ui.error(e), null);
    }
  }

  private HttpResponse delete(ConsoleRequest request) {
    String arn = request.form().get("arn");
    if (!"delete".equals(request.form().trimmed("confirm"))) {
      return details(request, 400, Ui.errorText("Confirm the deletion", "To confirm deletion, type delete in the field."),
          null);
    }
    try {
      api.ivs(request, "DeleteChannel", Api.input("arn", arn));
    } catch (AwsServiceException e) {
      return details(request, e.errorCode().httpStatus(), Ui.error(e), null);
    }
    request.session().flash("Channel " + IvsText.lastSegment(arn) + " deleted.");
    return Responses.redirect(IvsText.CHANNELS);
  }

  private HttpResponse session(ConsoleRequest request) {
    String arn = request.query().get("arn");
    String streamId = request.query().get("streamId");
    Html body;
    try {
      StructNode session = api.ivs(request, "GetStreamSession", Api.input("channelArn", arn, "streamId", streamId))
          .struct("streamSession");
      StructNode ingest = session.struct("ingestConfiguration");
      StructNode video = ingest == null ? null : ingest.struct("video");
      StructNode audio = ingest == null ? null : ingest.struct("audio");
      Html config = Ui.details(List.of(
          new String[] {"Start time", Fmt.time(session, "startTime")},
          new String[] {"End time", session.has("endTime") ? Fmt.time(session, "endTime") : "Live"},
          new String[] {"Video", video == null ? "-" : Fmt.orDash(video.string("codec")) + ", "
              + video.string("videoWidth") + "x" + video.string("videoHeight") + ", "
              + video.string("targetFramerate") + " fps, " + video.string("targetBitrate") + " bps"},
          new String[] {"Audio", audio == null ? "-" : Fmt.orDash(audio.string("codec")) + ", "
              + audio.string("sampleRate") + " Hz, " + audio.string("channels") + " channel(s), "
              + audio.string("targetBitrate") + " bps"}));
      List<StructNode> events = Api.structs(session, "truncatedEvents");
      Html table = Ui.table("Events (" + events.size() + ")", List.of("Event", "Type", "Time", "Code"), events,
          event -> List.of(Html.text(event.string("name")), Html.text(event.string("type")),
              Html.text(Fmt.time(event, "eventTime")), Html.text(Fmt.orDash(event.string("code")))),
          "No events.");
      Html charts = session.timestamp("startTime") == null ? Html.EMPTY
          : StreamHealthChart.render(request, api, arn, session.timestamp("startTime"), session.timestamp("endTime"));
      body = Html.join(Ui.panel("Ingest configuration", Html.EMPTY, config),
          Ui.panel("Stream health", Html.EMPTY, charts), Ui.panel("Events", Html.EMPTY, table));
    } catch (AwsServiceException e) {
      body = Ui.error(e);
    }
    return Responses.html(200, Layout.page(request.session(), Layout.Section.IVS, IvsText.CHANNELS,
        "Stream session " + streamId, Html.EMPTY, Html.join(body,
            Html.of("<p>{}</p>", Ui.link(IvsText.channelPath(arn), "Back to the channel")))));
  }

  private static String origin(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    } catch (RuntimeException e) {
      return null;
    }
  }
}
