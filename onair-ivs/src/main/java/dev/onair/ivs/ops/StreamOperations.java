package dev.onair.ivs.ops;

import dev.onair.ivs.IvsDependencies;
import dev.onair.ivs.IvsErrors;
import dev.onair.ivs.IvsQuota;
import dev.onair.ivs.ResourceType;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.LiveStream;
import dev.onair.ivs.model.StreamSession;
import dev.onair.ivs.validate.Input;
import dev.onair.ivs.validate.Rules;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.StructNode;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * GetStream, ListStreams, GetStreamSession, ListStreamSessions, StopStream, PutMetadata: the control-plane face of
 * the data plane, answered from {@link dev.onair.ivs.port.LiveStreamState}.
 */
public final class StreamOperations extends OperationSupport {
  public StreamOperations(IvsDependencies deps) {
    super(deps);
  }

  public List<Operation> operations() {
    var throttle = deps.throttle();
    return List.of(
        IvsOperation.of("GetStream", throttle, ArnRequest.parser("channelArn", Rules.CHANNEL_ARN),
            (context, request) -> List.of(onResource("GetStream", request.arn())), this::getStream),
        IvsOperation.of("ListStreams", throttle, ListStreams::parse,
            (context, request) -> List.of(onAll("ListStreams", context, ResourceType.CHANNEL)), this::listStreams),
        IvsOperation.of("GetStreamSession", throttle, GetStreamSession::parse,
            (context, request) -> List.of(onResource("GetStreamSession", request.channelArn())),
            this::getStreamSession),
        IvsOperation.of("ListStreamSessions", throttle, ListStreamSessions::parse,
            (context, request) -> List.of(onResource("ListStreamSessions", request.channelArn())),
            this::listStreamSessions),
        IvsOperation.of("StopStream", throttle, ArnRequest.parser("channelArn", Rules.CHANNEL_ARN),
            (context, request) -> List.of(onResource("StopStream", request.arn())), this::stopStream),
        IvsOperation.of("PutMetadata", throttle, PutMetadata::parse,
            (context, request) -> List.of(onResource("PutMetadata", request.channelArn())), this::putMetadata));
  }

  private OperationResult getStream(CallContext context, ArnRequest request) {
    Channel channel = require(context, request.arn(), deps.channels()::find);
    LiveStream stream = deps.liveStreams().liveStream(channel.arn())
        .orElseThrow(() -> IvsErrors.notBroadcasting(channel.arn()));
    var arn = channel.parsedArn();
    String playbackUrl = deps.endpoints().playbackUrl(arn.region(), arn.accountId(), arn.resourceId());
    return OperationResult.output(StructNode.builder().put("stream", Shapes.stream(stream, playbackUrl)).build());
  }

  record ListStreams(String health, String nextToken, int maxResults) {
    static ListStreams parse(StructNode node) {
      Input input = Input.of(node);
      Input filter = input.struct("filterBy", false);
      String health = filter == null ? null : filter.string("health", Rules.STREAM_HEALTH);
      String nextToken = input.string("nextToken", Rules.NEXT_TOKEN);
      Integer maxResults = readMaxResults(input, 100);
      input.done();
      return new ListStreams(health, nextToken, maxResults == null ? 100 : maxResults);
    }
  }

  private OperationResult listStreams(CallContext context, ListStreams request) {
    List<LiveStream> streams = deps.liveStreams().liveStreams(context.accountId(), context.region()).stream()
        .filter(stream -> request.health() == null || stream.health().name().equals(request.health()))
        .sorted(Comparator.comparing(LiveStream::channelArn))
        .toList();
    Paging.Page<LiveStream> page = Paging.pageInMemory(streams, Paging.after(request.nextToken()),
        request.maxResults(), LiveStream::channelArn);
    return OperationResult.output(StructNode.builder()
        .put("streams", ListNode.map(page.items(), Shapes::streamSummary))
        .put("nextToken", page.nextToken())
        .build());
  }

  record GetStreamSession(String channelArn, String streamId) {
    static GetStreamSession parse(StructNode node) {
      Input input = Input.of(node);
      String channelArn = input.required("channelArn", Rules.CHANNEL_ARN);
      String streamId = input.string("streamId", Rules.STREAM_ID);
      input.done();
      return new GetStreamSession(channelArn, streamId);
    }
  }

  /** Without a streamId, the latest session, as AWS documents. */
  private OperationResult getStreamSession(CallContext context, GetStreamSession request) {
    Channel channel = require(context, request.channelArn(), deps.channels()::find);
    StreamSession session;
    if (request.streamId() == null) {
      session = deps.liveStreams().sessions(channel.arn()).stream().findFirst()
          .orElseThrow(() -> IvsErrors.notFound(channel.arn()));
    } else {
      session = deps.liveStreams().session(channel.arn(), request.streamId())
          .orElseThrow(() -> IvsErrors.notFound(request.streamId()));
    }
    StructNode channelNode = Shapes.channel(channel, deps.tags().tags(channel.arn()), deps.endpoints());
    StructNode recording = channel.recordingEnabled()
        ? deps.recordingConfigurations().find(channel.recordingConfigurationArn())
            .map(configuration -> Shapes.recordingConfiguration(configuration,
                deps.tags().tags(configuration.arn())))
            .orElse(null)
        : null;
    return OperationResult.output(StructNode.builder()
        .put("streamSession", Shapes.streamSession(session, channelNode, recording))
        .build());
  }

  record ListStreamSessions(String channelArn, String nextToken, int maxResults) {
    static ListStreamSessions parse(StructNode node) {
      Input input = Input.of(node);
      String channelArn = input.required("channelArn", Rules.CHANNEL_ARN);
      String nextToken = input.string("nextToken", Rules.NEXT_TOKEN);
      Integer maxResults = readMaxResults(input, 100);
      input.done();
      return new ListStreamSessions(channelArn, nextToken, maxResults == null ? 100 : maxResults);
    }
  }

  private OperationResult listStreamSessions(CallContext context, ListStreamSessions request) {
    Channel channel = require(context, request.channelArn(), deps.channels()::find);
    Paging.Page<StreamSession> page = Paging.pageInMemory(deps.liveStreams().sessions(channel.arn()),
        Paging.after(request.nextToken()), request.maxResults(), StreamSession::streamId);
    return OperationResult.output(StructNode.builder()
        .put("streamSessions", ListNode.map(page.items(), Shapes::streamSessionSummary))
        .put("nextToken", page.nextToken())
        .build());
  }

  private OperationResult stopStream(CallContext context, ArnRequest request) {
    Channel channel = require(context, request.arn(), deps.channels()::find);
    if (!deps.liveStreams().stopStream(channel.arn())) {
      throw IvsErrors.notBroadcasting(channel.arn());
    }
    return OperationResult.empty();
  }

  record PutMetadata(String channelArn, String metadata) {
    static PutMetadata parse(StructNode node) {
      Input input = Input.of(node);
      String channelArn = input.required("channelArn", Rules.CHANNEL_ARN);
      String metadata = input.required("metadata", Rules.METADATA);
      input.done();
      return new PutMetadata(channelArn, metadata);
    }
  }

  private OperationResult putMetadata(CallContext context, PutMetadata request) {
    long maxBytes = limit(context, IvsQuota.PUT_METADATA_BYTES);
    if (request.metadata().getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      throw IvsErrors.validation("metadata must be at most " + maxBytes + " bytes");
    }
    Channel channel = require(context, request.channelArn(), deps.channels()::find);
    deps.throttle().acquirePerChannel("PutMetadata", channel.arn());
    if (!deps.liveStreams().putMetadata(channel.arn(), request.metadata())) {
      throw IvsErrors.notBroadcasting(channel.arn());
    }
    return OperationResult.noContent();
  }
}
