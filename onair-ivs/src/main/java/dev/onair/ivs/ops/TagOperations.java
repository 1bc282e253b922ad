package dev.onair.ivs.ops;

import dev.onair.ivs.IvsArn;
import dev.onair.ivs.IvsDependencies;
import dev.onair.ivs.IvsErrors;
import dev.onair.ivs.IvsQuota;
import dev.onair.ivs.validate.Input;
import dev.onair.ivs.validate.Rules;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.tree.StructNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** TagResource, UntagResource, ListTagsForResource: {@code /tags/{resourceArn}} for every IVS resource type. */
public final class TagOperations extends OperationSupport {
  public TagOperations(IvsDependencies deps) {
    super(deps);
  }

  public List<Operation> operations() {
    var throttle = deps.throttle();
    return List.of(
        IvsOperation.of("ListTagsForResource", throttle, ArnRequest.parser("resourceArn", Rules.RESOURCE_ARN),
            (context, request) -> List.of(onResource("ListTagsForResource", request.arn())), this::listTags),
        IvsOperation.of("TagResource", throttle, TagResource::parse,
            (context, request) -> List.of(
                onResource("TagResource", request.resourceArn()).withRequestTags(request.tags())),
            this::tagResource),
        IvsOperation.of("UntagResource", throttle, UntagResource::parse,
            (context, request) -> List.of(
                onResource("UntagResource", request.resourceArn()).withKey("aws:TagKeys", request.tagKeys())),
            this::untagResource));
  }

  record TagResource(String resourceArn, Map<String, String> tags) {
    static TagResource parse(StructNode node) {
      Input input = Input.of(node);
      String arn = input.required("resourceArn", Rules.RESOURCE_ARN);
      Map<String, String> tags = readTags(input, "tags", true);
      input.done();
      return new TagResource(arn, tags);
    }
  }

  record UntagResource(String resourceArn, List<String> tagKeys) {
    static UntagResource parse(StructNode node) {
      Input input = Input.of(node);
      String arn = input.required("resourceArn", Rules.RESOURCE_ARN);
      List<String> keys = input.strings("tagKeys", 0, MAX_TAGS_PER_REQUEST, Rules.TAG_KEY, true);
      input.done();
      return new UntagResource(arn, keys);
    }
  }

  private OperationResult listTags(CallContext context, ArnRequest request) {
    requireResource(context, request.arn());
    return OperationResult.output(StructNode.builder()
        .put("tags", Shapes.tags(deps.tags().tags(request.arn())))
        .build());
  }

  /**
   * The per-resource total is checked after merging (overwritten keys do not count twice). The model gives
   * TagResource no quota error, so exceeding it is a ValidationException, not ServiceQuotaExceededException.
   */
  private OperationResult tagResource(CallContext context, TagResource request) {
    requireResource(context, request.resourceArn());
    Set<String> merged = new HashSet<>(deps.tags().tags(request.resourceArn()).keySet());
    merged.addAll(request.tags().keySet());
    long limit = limit(context, IvsQuota.TAGS_PER_RESOURCE);
    if (merged.size() > limit) {
      throw IvsErrors.validation("A resource can have at most " + limit + " tags");
    }
    deps.tags().put(request.resourceArn(), request.tags());
    return OperationResult.empty();
  }

  private OperationResult untagResource(CallContext context, UntagResource request) {
    requireResource(context, request.resourceArn());
    deps.tags().remove(request.resourceArn(), request.tagKeys());
    return OperationResult.empty();
  }

  private void requireResource(CallContext context, String arn) {
    Optional<IvsArn> parsed = IvsArn.parse(arn);
    if (parsed.isEmpty()) {
      throw IvsErrors.notFound(arn);
    }
    switch (parsed.get().type()) {
      case CHANNEL -> require(context, arn, deps.channels()::find);
      case STREAM_KEY -> require(context, arn, deps.streamKeys()::find);
      case RECORDING_CONFIGURATION -> require(context, arn, deps.recordingConfigurations()::find);
      case PLAYBACK_KEY_PAIR -> require(context, arn, deps.playbackKeyPairs()::find);
      case PLAYBACK_RESTRICTION_POLICY -> require(context, arn, deps.playbackRestrictionPolicies()::find);
    }
  }
}
