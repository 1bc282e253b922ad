package dev.onair.ivs.ops;

import dev.onair.ivs.IvsDependencies;
import dev.onair.ivs.IvsErrors;
import dev.onair.ivs.IvsQuota;
import dev.onair.ivs.ResourceType;
import dev.onair.ivs.model.PlaybackKeyPair;
import dev.onair.ivs.validate.Input;
import dev.onair.ivs.validate.Rules;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.StructNode;
import java.util.List;
import java.util.Map;

/** ImportPlaybackKeyPair, GetPlaybackKeyPair, ListPlaybackKeyPairs, DeletePlaybackKeyPair. */
public final class PlaybackKeyPairOperations extends OperationSupport {
  public PlaybackKeyPairOperations(IvsDependencies deps) {
    super(deps);
  }

  public List<Operation> operations() {
    var throttle = deps.throttle();
    return List.of(
        IvsOperation.of("ImportPlaybackKeyPair", throttle, ImportPlaybackKeyPair::parse,
            IvsOperation.checkedInHandler(), this::importKeyPair),
        IvsOperation.of("GetPlaybackKeyPair", throttle, ArnRequest.parser(Rules.PLAYBACK_KEY_PAIR_ARN),
            (context, request) -> List.of(onResource("GetPlaybackKeyPair", request.arn())), this::get),
        IvsOperation.of("ListPlaybackKeyPairs", throttle, ListRequest.parser(100),
            (context, request) -> List.of(onAll("ListPlaybackKeyPairs", context, ResourceType.PLAYBACK_KEY_PAIR)),
            this::list),
        IvsOperation.of("DeletePlaybackKeyPair", throttle, ArnRequest.parser(Rules.PLAYBACK_KEY_PAIR_ARN),
            (context, request) -> List.of(onResource("DeletePlaybackKeyPair", request.arn())), this::delete));
  }

  record ImportPlaybackKeyPair(PublicKeyMaterial material, String name, Map<String, String> tags) {
    static ImportPlaybackKeyPair parse(StructNode node) {
      Input input = Input.of(node);
      String material = input.required("publicKeyMaterial", Rules.ANY);
      String name = input.string("name", Rules.NAME);
      Map<String, String> tags = readTags(input, "tags", false);
      input.done();
      return new ImportPlaybackKeyPair(PublicKeyMaterial.parse(material), name == null ? "" : name, tags);
    }
  }

  private OperationResult importKeyPair(CallContext context, ImportPlaybackKeyPair request) {
    String arn = newArn(context, ResourceType.PLAYBACK_KEY_PAIR);
    context.require(onNew("ImportPlaybackKeyPair", arn, request.tags()));
    String fingerprint = request.material().fingerprint();
    if (deps.playbackKeyPairs().findByFingerprint(context.accountId(), context.region(), fingerprint).isPresent()) {
      throw IvsErrors.conflict("A playback key pair with fingerprint " + fingerprint + " already exists");
    }
    deps.quotas().requireRoom(IvsQuota.PLAYBACK_KEY_PAIRS, context.accountId(), context.region(),
        deps.playbackKeyPairs().count(context.accountId(), context.region()), 1);
    PlaybackKeyPair keyPair = new PlaybackKeyPair(arn, request.name(), fingerprint, request.material().pem(),
        deps.clock().instant());
    // The count above answers the common case; the database decides a race between nodes for the last slot.
    long limit = limit(context, IvsQuota.PLAYBACK_KEY_PAIRS);
    if (!deps.playbackKeyPairs().createWithinLimit(keyPair, limit)) {
      deps.quotas().requireRoom(IvsQuota.PLAYBACK_KEY_PAIRS, context.accountId(), context.region(), limit, 1);
    }
    storeTags(arn, request.tags());
    return OperationResult.output(StructNode.builder()
        .put("keyPair", Shapes.playbackKeyPair(keyPair, request.tags()))
        .build());
  }

  private OperationResult get(CallContext context, ArnRequest request) {
    PlaybackKeyPair keyPair = require(context, request.arn(), deps.playbackKeyPairs()::find);
    return OperationResult.output(StructNode.builder()
        .put("keyPair", Shapes.playbackKeyPair(keyPair, deps.tags().tags(keyPair.arn())))
        .build());
  }

  private OperationResult list(CallContext context, ListRequest request) {
    // "Default: your service quota or 100, whichever is smaller."
    int pageSize = request.explicitMaxResults()
        ? request.maxResults()
        : (int) Math.max(1, Math.min(100, limit(context, IvsQuota.PLAYBACK_KEY_PAIRS)));
    List<PlaybackKeyPair> fetched = deps.playbackKeyPairs().page(context.accountId(), context.region(),
        Paging.after(request.nextToken()), pageSize + 1);
    Paging.Page<PlaybackKeyPair> page = Paging.page(fetched, pageSize, PlaybackKeyPair::arn);
    var tags = tagsOf(page.items().stream().map(PlaybackKeyPair::arn).toList());
    return OperationResult.output(StructNode.builder()
        .put("keyPairs", ListNode.map(page.items(), item -> Shapes.playbackKeyPairSummary(item, tags.get(item.arn()))))
        .put("nextToken", page.nextToken())
        .build());
  }

  /** 200 with an empty body, unlike the other deletes (the model gives it an output structure). */
  private OperationResult delete(CallContext context, ArnRequest request) {
    PlaybackKeyPair keyPair = require(context, request.arn(), deps.playbackKeyPairs()::find);
    deps.playbackKeyPairs().delete(keyPair.arn());
    deps.tags().deleteAll(keyPair.arn());
    return OperationResult.empty();
  }
}
