package dev.onair.ivs.ops;

import dev.onair.ivs.IvsDependencies;
import dev.onair.ivs.IvsQuota;
import dev.onair.ivs.ResourceType;
import dev.onair.ivs.model.Channel;
import dev.onair.ivs.model.StreamKey;
import dev.onair.ivs.validate.Input;
import dev.onair.ivs.validate.Rules;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
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

/** CreateStreamKey, GetStreamKey, BatchGetStreamKey, ListStreamKeys, DeleteStreamKey. */
public final class StreamKeyOperations extends OperationSupport {
  /** The model documents "Default: 1" for ListStreamKeys; harmless, since a channel has one key. */
  static final int LIST_DEFAULT = 1;

  public StreamKeyOperations(IvsDependencies deps) {
    super(deps);
  }

  public List<Operation> operations() {
    var throttle = deps.throttle();
    return List.of(
        IvsOperation.of("CreateStreamKey", throttle, CreateStreamKey::parse, IvsOperation.checkedInHandler(),
            this::createStreamKey),
        IvsOperation.of("GetStreamKey", throttle, ArnRequest.parser(Rules.STREAM_KEY_ARN),
            (context, request) -> List.of(onResource("GetStreamKey", request.arn())), this::getStreamKey),
        IvsOperation.of("BatchGetStreamKey", throttle, BatchArns.parser(Rules.STREAM_KEY_ARN),
            IvsOperation.checkedInHandler(), this::batchGetStreamKey),
        IvsOperation.of("ListStreamKeys", throttle, ListStreamKeys::parse, this::listChecks, this::listStreamKeys),
        IvsOperation.of("DeleteStreamKey", throttle, ArnRequest.parser(Rules.STREAM_KEY_ARN),
            (context, request) -> List.of(onResource("DeleteStreamKey", request.arn())), this::deleteStreamKey));
  }

  record CreateStreamKey(String channelArn, Map<String, String> tags) {
    static CreateStreamKey parse(StructNode node) {
      Input input = Input.of(node);
      String channelArn = input.required("channelArn", Rules.CHANNEL_ARN);
      Map<String, String> tags = readTags(input, "tags", false);
      input.done();
      return new CreateStreamKey(channelArn, tags);
    }
  }

  private OperationResult createStreamKey(CallContext context, CreateStreamKey request) {
    String arn = newArn(context, ResourceType.STREAM_KEY);
    context.require(onNew("CreateStreamKey", arn, request.tags()));
    Channel channel = require(context, request.channelArn(), deps.channels()::find);
    StreamKey streamKey = new StreamKey(arn, channel.arn(),
        Secret.of(deps.ids().streamKeyValue(context.region())), deps.clock().instant());
    // The database decides, also between nodes racing for the channel's last key.
    long keyLimit = limit(context, IvsQuota.STREAM_KEYS_PER_CHANNEL);
    if (!deps.streamKeys().createWithinLimit(streamKey, keyLimit)) {
      require(context, channel.arn(), deps.channels()::find); // deleted meanwhile: not found, as it now is
      deps.quotas().requireRoom(IvsQuota.STREAM_KEYS_PER_CHANNEL, context.accountId(), context.region(), keyLimit, 1);
    }
    storeTags(arn, request.tags());
    return OperationResult.output(StructNode.builder()
        .put("streamKey", Shapes.streamKey(streamKey, request.tags()))
        .build());
  }

  private OperationResult getStreamKey(CallContext context, ArnRequest request) {
    StreamKey streamKey = require(context, request.arn(), deps.streamKeys()::find);
    return OperationResult.output(StructNode.builder()
        .put("streamKey", Shapes.streamKey(streamKey, deps.tags().tags(streamKey.arn())))
        .build());
  }

  private OperationResult batchGetStreamKey(CallContext context, BatchArns request) {
    List<Node> streamKeys = new ArrayList<>();
    List<Node> errors = new ArrayList<>();
    for (String arn : new LinkedHashSet<>(request.arns())) {
      try {
        context.require(onResource("BatchGetStreamKey", arn));
        StreamKey streamKey = require(context, arn, deps.streamKeys()::find);
        streamKeys.add(Shapes.streamKey(streamKey, deps.tags().tags(arn)));
      } catch (AwsServiceException e) {
        errors.add(BatchArns.error(arn, e));
      }
    }
    return OperationResult.output(StructNode.builder()
        .put("streamKeys", new ListNode(streamKeys))
        .put("errors", new ListNode(errors))
        .build());
  }

  record ListStreamKeys(String channelArn, String nextToken, int maxResults) {
    static ListStreamKeys parse(StructNode node) {
      Input input = Input.of(node);
      String channelArn = input.required("channelArn", Rules.CHANNEL_ARN);
      String nextToken = input.string("nextToken", Rules.NEXT_TOKEN);
      Integer maxResults = readMaxResults(input, 50);
      input.done();
      return new ListStreamKeys(channelArn, nextToken, maxResults == null ? LIST_DEFAULT : maxResults);
    }
  }

  /** IAM's table: ListStreamKeys needs the channel and the stream-key resource type. */
  private List<AuthorizationCheck> listChecks(CallContext context, ListStreamKeys request) {
    return List.of(
        onResource("ListStreamKeys", request.channelArn()),
        onAll("ListStreamKeys", context, ResourceType.STREAM_KEY));
  }

  private OperationResult listStreamKeys(CallContext context, ListStreamKeys request) {
    Channel channel = require(context, request.channelArn(), deps.channels()::find);
    List<StreamKey> fetched = deps.streamKeys().page(channel.arn(), Paging.after(request.nextToken()),
        request.maxResults() + 1);
    Paging.Page<StreamKey> page = Paging.page(fetched, request.maxResults(), StreamKey::arn);
    var tags = tagsOf(page.items().stream().map(StreamKey::arn).toList());
    return OperationResult.output(StructNode.builder()
        .put("streamKeys", ListNode.map(page.items(), key -> Shapes.streamKeySummary(key, tags.get(key.arn()))))
        .put("nextToken", page.nextToken())
        .build());
  }

  /** Deleting a key also cuts off a broadcast that uses it, which is how AWS tells users to revoke a leaked key. */
  private OperationResult deleteStreamKey(CallContext context, ArnRequest request) {
    StreamKey streamKey = require(context, request.arn(), deps.streamKeys()::find);
    deps.streamKeys().delete(streamKey.arn());
    deps.tags().deleteAll(streamKey.arn());
    deps.liveStreams().streamKeyDeleted(streamKey.channelArn(), streamKey.arn());
    return OperationResult.noContent();
  }
}
