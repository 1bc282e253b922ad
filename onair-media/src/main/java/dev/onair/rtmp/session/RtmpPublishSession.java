package dev.onair.rtmp.session;

import dev.onair.rtmp.message.AudioData;
import dev.onair.rtmp.message.CommandMessage;
import dev.onair.rtmp.message.DataMessage;
import dev.onair.rtmp.message.RtmpMessage;
import dev.onair.rtmp.message.SetChunkSize;
import dev.onair.rtmp.message.SetPeerBandwidth;
import dev.onair.rtmp.message.UserControl;
import dev.onair.rtmp.message.VideoData;
import dev.onair.rtmp.message.WindowAcknowledgementSize;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The publisher side of one RTMP connection: the AMF0 command sequence of streaming.md §1.5 and
 * the hand-off of media to a {@link MediaSink}. Transport-free and single-threaded (the
 * connection's I/O thread), so the whole sequence is testable with plain objects. The one blocking step, admitting
 * a publish (authorizer and sink factory: database reads and writes), goes through {@link
 * SessionTransport#offload}; messages that arrive meanwhile are queued and handled afterwards, in order.
 *
 * <p>Replies mirror ffmpeg's own listen-mode server, the proven minimum for ffmpeg and OBS:
 * transaction ids are echoed exactly because both clients drop replies they did not ask for.
 */
public final class RtmpPublishSession {
  /** Lifecycle; only forward transitions. */
  public enum State {
    AWAITING_CONNECT,
    CONNECTED,
    /** {@code publish} received; the authorizer and sink factory run off the I/O thread, later messages wait. */
    ADMITTING,
    PUBLISHING,
    CLOSED
  }

  private static final System.Logger LOG = System.getLogger(RtmpPublishSession.class.getName());

  private final PublishAuthorizer authorizer;
  private final MediaSinkFactory sinkFactory;
  private final SessionTransport transport;
  private final PublisherHandle handle;
  private final SessionConfig config;

  private State state = State.AWAITING_CONNECT;
  private String app = "";
  private String tcUrl = "";
  private String streamKey;
  private int nextStreamId = 1;
  private int publishStreamId;
  private MediaSink sink;
  private MediaTagParser media;
  private final ArrayDeque<RtmpMessage> waiting = new ArrayDeque<>();

  public RtmpPublishSession(
      PublishAuthorizer authorizer,
      MediaSinkFactory sinkFactory,
      SessionTransport transport,
      PublisherHandle handle,
      SessionConfig config) {
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer is null");
    this.sinkFactory = Objects.requireNonNull(sinkFactory, "sinkFactory is null");
    this.transport = Objects.requireNonNull(transport, "transport is null");
    this.handle = Objects.requireNonNull(handle, "handle is null");
    this.config = Objects.requireNonNull(config, "config is null");
  }

  public State state() {
    return state;
  }

  public String app() {
    return app;
  }

  /** The key being published, or {@code null} before {@code publish}. */
  public String streamKey() {
    return streamKey;
  }

  public void onMessage(RtmpMessage message) {
    if (state == State.CLOSED) {
      return;
    }
    if (state == State.ADMITTING) {
      waiting.add(message); // bounded: the transport stops reading while a publish is being admitted
      return;
    }
    if (message instanceof CommandMessage command) {
      onCommand(command);
    } else if (message instanceof VideoData video) {
      if (state == State.PUBLISHING) {
        reject(media.onVideo(video.timestamp(), video.payload()));
      }
    } else if (message instanceof AudioData audio) {
      if (state == State.PUBLISHING) {
        reject(media.onAudio(audio.timestamp(), audio.payload()));
      }
    } else if (message instanceof DataMessage data) {
      if (state == State.PUBLISHING && "onMetaData".equals(data.name())) {
        sink.onMetadata(data.metadata());
      }
    } else if (message instanceof UserControl control
        && control.eventType() == UserControl.PING_REQUEST) {
      transport.send(UserControl.pingResponse(control.value()));
    }
    // Acknowledgements, window sizes and unknown types need no action from a publisher session.
  }

  /** The connection is gone (closed, reset or timed out). */
  public void onDisconnect() {
    endPublishing();
    state = State.CLOSED;
    waiting.clear();
  }

  private void onCommand(CommandMessage command) {
    switch (command.name()) {
      case "connect" -> onConnect(command);
      case "releaseStream" -> replyResult(command, null);
      case "FCPublish" -> transport.send(command(0, "onFCPublish", null,
          status("status", "NetStream.Publish.Start", publishName(command))));
      case "createStream" -> onCreateStream(command);
      case "publish" -> onPublish(command);
      case "FCUnpublish", "deleteStream", "closeStream" -> endPublishing();
      default -> LOG.log(System.Logger.Level.DEBUG, "ignoring RTMP command {0}", command.name());
    }
  }

  private void onConnect(CommandMessage command) {
    if (state != State.AWAITING_CONNECT) {
      close("connect sent twice");
      return;
    }
    if (command.commandObject() instanceof Map<?, ?> properties) {
      app = stripSlashes(properties.get("app") instanceof String s ? s : "");
      tcUrl = properties.get("tcUrl") instanceof String s ? s : "";
    }
    state = State.CONNECTED;
    transport.send(new WindowAcknowledgementSize(config.windowAckSize()));
    transport.send(new SetPeerBandwidth(config.windowAckSize(), SetPeerBandwidth.DYNAMIC));
    transport.send(UserControl.streamBegin(0));
    transport.send(new SetChunkSize(config.outChunkSize()));
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("fmsVer", "FMS/3,0,1,123");
    properties.put("capabilities", 31.0);
    Map<String, Object> information = status("status", "NetConnection.Connect.Success", "Connection succeeded.");
    information.put("objectEncoding", 0.0);
    transport.send(new CommandMessage(0, "_result", command.transactionId(), properties, List.of(information)));
    transport.send(command(0, "onBWDone", null, 8192.0));
  }

  private void onCreateStream(CommandMessage command) {
    int streamId = nextStreamId++;
    replyResult(command, (double) streamId);
  }

  private void onPublish(CommandMessage command) {
    int streamId = command.streamId();
    if (state != State.CONNECTED) {
      sendStatus(streamId, "error", "NetStream.Publish.BadName", "publish not allowed in state " + state);
      close("publish in state " + state);
      return;
    }
    String name = command.stringArgument(0);
    String key = name == null ? "" : stripQuery(name);
    if (key.isEmpty()) {
      refuse(streamId, "missing stream key");
      return;
    }
    state = State.ADMITTING;
    PublishRequest request = new PublishRequest(app, key, tcUrl, transport.remoteAddress(), null);
    transport.offload(() -> admit(request), admission -> onAdmitted(streamId, key, admission));
  }

  /**
   * The outcome of admitting a publish, exactly one of: a sink; the authorizer's refusal of the key (BadName); the
   * sink factory's failure (Publish.Failed, then the connection closes).
   */
  private record Admission(MediaSink sink, String refusal, String failure) {}

  /** Runs off the I/O thread; touches no session state. */
  private Admission admit(PublishRequest asked) {
    PublishDecision decision;
    try {
      decision = authorizer.authorize(asked.app(), asked.streamKey());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "publish authorizer failed", e);
      decision = PublishDecision.refuse("authorization failed");
    }
    if (decision instanceof PublishDecision.Refused refused) {
      return new Admission(null, refused.description(), null);
    }
    try {
      Object attachment = ((PublishDecision.Accepted) decision).attachment();
      PublishRequest request = new PublishRequest(asked.app(), asked.streamKey(), asked.tcUrl(),
          asked.remoteAddress(), attachment);
      return new Admission(Objects.requireNonNull(sinkFactory.create(request, handle), "sink factory returned null"),
          null, null);
    } catch (RuntimeException e) { // also a null decision: offloaded work must not throw
      return new Admission(null, null, String.valueOf(e.getMessage()));
    }
  }

  /** Back on the I/O thread. */
  private void onAdmitted(int streamId, String key, Admission admission) {
    if (state != State.ADMITTING) { // the connection went away meanwhile: nobody will feed or end this sink
      if (admission.sink() != null) {
        admission.sink().onEnd();
      }
      return;
    }
    if (admission.sink() == null) {
      state = State.CONNECTED;
      waiting.clear();
      if (admission.refusal() != null) {
        refuse(streamId, admission.refusal());
      } else {
        sendStatus(streamId, "error", "NetStream.Publish.Failed", admission.failure());
        close("sink factory refused: " + admission.failure());
      }
      return;
    }
    sink = admission.sink();
    streamKey = key;
    publishStreamId = streamId;
    media = new MediaTagParser(sink);
    state = State.PUBLISHING;
    transport.send(UserControl.streamBegin(streamId));
    Map<String, Object> info = status("status", "NetStream.Publish.Start", key + " is now published.");
    info.put("details", key);
    info.put("clientid", "onair");
    transport.send(command(streamId, "onStatus", null, info));
    while (!waiting.isEmpty() && state != State.CLOSED) {
      onMessage(waiting.poll());
    }
  }

  private void refuse(int streamId, String description) {
    sendStatus(streamId, "error", "NetStream.Publish.BadName", description);
    close("publish refused: " + description);
  }

  private void reject(MediaTagParser.Rejection rejection) {
    if (rejection != null) {
      sendStatus(publishStreamId, "error", "NetStream.Publish.Failed", rejection.description());
      close(rejection.description());
    }
  }

  private void close(String reason) {
    LOG.log(System.Logger.Level.INFO, "closing RTMP session from {0}: {1}", transport.remoteAddress(), reason);
    endPublishing();
    state = State.CLOSED;
    transport.closeAfterFlush();
  }

  private void endPublishing() {
    if (sink != null) {
      MediaSink ending = sink;
      sink = null;
      media = null;
      if (state == State.PUBLISHING) {
        state = State.CONNECTED;
      }
      ending.onEnd();
    }
  }

  private void replyResult(CommandMessage request, Object value) {
    // Transaction 0 means "no reply expected"; ffmpeg and librtmp match replies by id.
    if (request.transactionId() != 0) {
      List<Object> arguments = new java.util.ArrayList<>(1);
      arguments.add(value);
      transport.send(new CommandMessage(
          request.streamId(), "_result", request.transactionId(), null, arguments));
    }
  }

  private void sendStatus(int streamId, String level, String code, String description) {
    transport.send(command(streamId, "onStatus", null, status(level, code, description)));
  }

  private static CommandMessage command(int streamId, String name, Object commandObject, Object argument) {
    return new CommandMessage(streamId, name, 0, commandObject, List.of(argument));
  }

  private static Map<String, Object> status(String level, String code, String description) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("level", level);
    info.put("code", code);
    info.put("description", description);
    return info;
  }

  private static String publishName(CommandMessage command) {
    String name = command.stringArgument(0);
    return name == null ? "" : stripQuery(name);
  }

  private static String stripQuery(String name) {
    int query = name.indexOf('?');
    return query < 0 ? name : name.substring(0, query);
  }

  private static String stripSlashes(String app) {
    String result = app;
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }
}
