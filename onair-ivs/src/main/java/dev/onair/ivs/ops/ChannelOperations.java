package dev.onair.ivs.ops;

import dev.onair.ivs.IvsDependencies;
import dev.onair.ivs.IvsErrors;
import dev.onair.ivs.IvsQuota;
import dev.onair.ivs.ResourceType;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.StreamKey;
import dev.onair.ivs.model.Tagged;
import dev.onair.ivs.port.ChannelFilter;
import dev.onair.ivs.validate.Input;
import dev.onair.ivs.validate.Rules;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.CallMemo;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.Secret;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.StructNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateChannel, GetChannel, BatchGetChannel, ListChannels, UpdateChannel, DeleteChannel. */
public final class ChannelOperations extends OperationSupport {
  private final CallMemo<Optional<Tagged<Channel>>> readChannel = new CallMemo<>();

  public ChannelOperations(IvsDependencies deps) {
    super(deps);
  }

  public List<Operation> operations() {
    var throttle = deps.throttle();
    return List.of(
        IvsOperation.of("CreateChannel", throttle, CreateChannel::parse, IvsOperation.checkedInHandler(),
            this::createChannel),
        IvsOperation.of("GetChannel", throttle, ArnRequest.parser(Rules.CHANNEL_ARN),
            this::getChannelChecks, this::getChannel),
        IvsOperation.of("BatchGetChannel", throttle, BatchArns.parser(Rules.CHANNEL_ARN),
            IvsOperation.checkedInHandler(), this::batchGetChannel),
        IvsOperation.of("ListChannels", throttle, ListChannels::parse,
            (context, request) -> List.of(onAll("ListChannels", context, ResourceType.CHANNEL)),
            this::listChannels),
        IvsOperation.of("UpdateChannel", throttle, UpdateChannel::parse,
            (context, request) -> List.of(onResource("UpdateChannel", request.arn())), this::updateChannel),
        IvsOperation.of("DeleteChannel", throttle, ArnRequest.parser(Rules.CHANNEL_ARN),
            this::deleteChannelChecks, this::deleteChannel));
  }

  record CreateChannel(ChannelSettings settings, Map<String, String> tags) {
    static CreateChannel parse(StructNode node) {
      Input input = Input.of(node);
      ChannelSettings settings = ChannelSettings.read(input);
      Map<String, String> tags = readTags(input, "tags", false);
      input.done();
      return new CreateChannel(settings, tags);
    }
  }

  private OperationResult createChannel(CallContext context, CreateChannel request) {
    String channelArn = newArn(context, ResourceType.CHANNEL);
    String streamKeyArn = newArn(context, ResourceType.STREAM_KEY);
    // IAM's table: CreateChannel needs both the channel and the stream-key resource, each with the request's tags.
    context.require(onNew("CreateChannel", channelArn, request.tags()));
    context.require(onNew("CreateChannel", streamKeyArn, request.tags()));
    Channel channel = request.settings().create(channelArn, deps.clock().instant());
    requireReferences(context, request.settings());
    StreamKey streamKey = new StreamKey(streamKeyArn, channelArn,
        Secret.of(deps.ids().streamKeyValue(context.region())), channel.createdAt());
    // One write for everything; the database decides the quota, also between nodes racing for the last slot.
    long channelLimit = limit(context, IvsQuota.CHANNELS);
    if (!deps.channels().createWithinLimit(channel, streamKey, request.tags(), channelLimit)) {
      deps.quotas().requireRoom(IvsQuota.CHANNELS, context.accountId(), context.region(), channelLimit, 1);
    }
    return OperationResult.output(StructNode.builder()
        .put("channel", Shapes.channel(channel, request.tags(), deps.endpoints()))
        .put("streamKey", Shapes.streamKey(streamKey, request.tags()))
        .build());
  }

  /** Referenced recording configurations and policies must exist; ad configurations never do in Onair. */
  private void requireReferences(CallContext context, ChannelSettings settings) {
    String recording = settings.recordingConfigurationArn();
    if (recording != null && !recording.isEmpty()) {
      require(context, recording, deps.recordingConfigurations()::find);
    }
    String policy = settings.playbackRestrictionPolicyArn();
    if (policy != null && !policy.isEmpty()) {
      require(context, policy, deps.playbackRestrictionPolicies()::find);
    }
    String ad = settings.adConfigurationArn();
    if (ad != null && !ad.isEmpty()) {
      throw IvsErrors.notFound(ad);
    }
  }

  /** GetChannel's check: on the channel's stored tags, read with the channel, which the handler then answers with. */
  private List<AuthorizationCheck> getChannelChecks(CallContext context, ArnRequest request) {
    Optional<Tagged<Channel>> found = readChannel.put(context, request.arn(), deps.channels().findTagged(request.arn()));
    return List.of(onResource("GetChannel", request.arn(), found));
  }

  private OperationResult getChannel(CallContext context, ArnRequest request) {
    String arn = request.arn();
    Tagged<Channel> channel =
        requireFound(context, arn, readChannel.take(context, arn, () -> deps.channels().findTagged(arn)));
    return OperationResult.output(StructNode.builder()
        .put("channel", Shapes.channel(channel.resource(), channel.tags(), deps.endpoints()))
        .build());
  }

  /**
   * Each ARN is authorized on its own and failures land in {@code errors}, so one forbidden or missing channel
   * does not fail the whole batch.
   */
  private OperationResult batchGetChannel(CallContext context, BatchArns request) {
    List<Node> channels = new ArrayList<>();
    List<Node> errors = new ArrayList<>();
    for (String arn : new LinkedHashSet<>(request.arns())) {
      try {
        Optional<Tagged<Channel>> found = deps.channels().findTagged(arn);
        context.require(onResource("BatchGetChannel", arn, found));
        Tagged<Channel> channel = requireFound(context, arn, found);
        channels.add(Shapes.channel(channel.resource(), channel.tags(), deps.endpoints()));
      } catch (AwsServiceException e) {
        errors.add(BatchArns.error(arn, e));
      }
    }
    return OperationResult.output(StructNode.builder()
        .put("channels", new ListNode(channels))
        .put("errors", new ListNode(errors))
        .build());
  }

  record ListChannels(ChannelFilter filter, int filters, String nextToken, int maxResults) {
    static ListChannels parse(StructNode node) {
      Input input = Input.of(node);
      String name = blankToNull(input.string("filterByName", Rules.NAME));
      String recording = blankToNull(
          input.string("filterByRecordingConfigurationArn", Rules.CHANNEL_RECORDING_CONFIGURATION_ARN));
      String policy = blankToNull(
          input.string("filterByPlaybackRestrictionPolicyArn", Rules.CHANNEL_PLAYBACK_RESTRICTION_POLICY_ARN));
      String ad = blankToNull(input.string("filterByAdConfigurationArn", Rules.CHANNEL_AD_CONFIGURATION_ARN));
      String nextToken = input.string("nextToken", Rules.NEXT_TOKEN);
      Integer maxResults = readMaxResults(input, 100);
      input.done();
      int filters = count(name) + count(recording) + count(policy) + count(ad);
      // No ad configuration exists in Onair, so filtering by one matches nothing: an impossible ARN does that.
      String recordingFilter = ad != null ? "arn:aws:ivs:none:0:recording-configuration/none" : recording;
      return new ListChannels(new ChannelFilter(name, recordingFilter, policy), filters, nextToken,
          maxResults == null ? 100 : maxResults);
    }

    private static int count(String value) {
      return value == null ? 0 : 1;
    }
  }

  private OperationResult listChannels(CallContext context, ListChannels request) {
    if (request.filters() > 1) {
      throw IvsErrors.conflict("Filters are mutually exclusive and cannot be used together");
    }
    List<Channel> fetched = deps.channels().page(context.accountId(), context.region(), request.filter(),
        Paging.after(request.nextToken()), request.maxResults() + 1);
    Paging.Page<Channel> page = Paging.page(fetched, request.maxResults(), Channel::arn);
    var tags = tagsOf(page.items().stream().map(Channel::arn).toList());
    return OperationResult.output(StructNode.builder()
        .put("channels", ListNode.map(page.items(), channel -> Shapes.channelSummary(channel, tags.get(channel.arn()))))
        .put("nextToken", page.nextToken())
        .build());
  }

  record UpdateChannel(String arn, ChannelSettings settings) {
    static UpdateChannel parse(StructNode node) {
      Input input = Input.of(node);
      String arn = input.required("arn", Rules.CHANNEL_ARN);
      ChannelSettings settings = ChannelSettings.read(input);
      input.done();
      return new UpdateChannel(arn, settings);
    }
  }

  private OperationResult updateChannel(CallContext context, UpdateChannel request) {
    Channel current = require(context, request.arn(), deps.channels()::find);
    if (deps.liveStreams().liveStream(current.arn()).isPresent()) {
      throw IvsErrors.conflict("Live channels cannot be updated: stop the stream first");
    }
    Channel updated = request.settings().applyTo(current, false);
    requireReferences(context, request.settings());
    if (!deps.channels().update(updated)) {
      throw IvsErrors.notFound(request.arn());
    }
    return OperationResult.output(StructNode.builder()
        .put("channel", Shapes.channel(updated, deps.tags().tags(updated.arn()), deps.endpoints()))
        .build());
  }

  /** IAM's table: DeleteChannel needs the channel and, since they go with it, each of its stream keys. */
  private List<AuthorizationCheck> deleteChannelChecks(CallContext context, ArnRequest request) {
    List<AuthorizationCheck> checks = new ArrayList<>();
    checks.add(onResource("DeleteChannel", request.arn()));
    for (StreamKey key : deps.streamKeys().findByChannel(request.arn())) {
      checks.add(onResource("DeleteChannel", key.arn()));
    }
    return checks;
  }

  private OperationResult deleteChannel(CallContext context, ArnRequest request) {
    Channel channel = require(context, request.arn(), deps.channels()::find);
    if (deps.liveStreams().liveStream(channel.arn()).isPresent()) {
      throw IvsErrors.conflict("Live channels cannot be deleted: call StopStream and wait for the stream to end");
    }
    // The channel, its keys, every tag and its revocations go in one write.
    deps.channels().delete(channel.arn());
    return OperationResult.noContent();
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
