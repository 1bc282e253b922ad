package dev.onair.ivs.ops;

import dev.onair.ivs.IvsDependencies;
import dev.onair.ivs.IvsErrors;
import dev.onair.ivs.IvsQuota;
import dev.onair.ivs.ResourceType;
import dev.onair.ivs.model.PlaybackRestrictionPolicy;
import dev.onair.ivs.validate.Input;
import dev.onair.ivs.validate.Rules;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.StructNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Create/Get/List/Update/DeletePlaybackRestrictionPolicy. */
public final class PlaybackRestrictionPolicyOperations extends OperationSupport {
  /** The model documents "Default: 1" for ListPlaybackRestrictionPolicies' maxResults; Onair follows it. */
  static final int LIST_DEFAULT = 1;

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  public PlaybackRestrictionPolicyOperations(IvsDependencies deps) {
    super(deps);
  }

  public List<Operation> operations() {
    var throttle = deps.throttle();
    return List.of(
        IvsOperation.of("CreatePlaybackRestrictionPolicy", throttle, PolicyRequest::parseCreate,
            IvsOperation.checkedInHandler(), this::create),
        IvsOperation.of("GetPlaybackRestrictionPolicy", throttle,
            ArnRequest.parser(Rules.PLAYBACK_RESTRICTION_POLICY_ARN),
            (context, request) -> List.of(onResource("GetPlaybackRestrictionPolicy", request.arn())), this::get),
        // IAM's table names no resource for ListPlaybackRestrictionPolicies, so the check is on "*".
        IvsOperation.of("ListPlaybackRestrictionPolicies", throttle, ListRequest.parser(LIST_DEFAULT),
            (context, request) -> List.of(
                AuthorizationCheck.of(IvsOperation.action("ListPlaybackRestrictionPolicies"), "*")),
            this::list),
        IvsOperation.of("UpdatePlaybackRestrictionPolicy", throttle, PolicyRequest::parseUpdate,
            (context, request) -> List.of(onResource("UpdatePlaybackRestrictionPolicy", request.arn())),
            this::update),
        IvsOperation.of("DeletePlaybackRestrictionPolicy", throttle,
            ArnRequest.parser(Rules.PLAYBACK_RESTRICTION_POLICY_ARN),
            (context, request) -> List.of(onResource("DeletePlaybackRestrictionPolicy", request.arn())),
            this::delete));
  }

  /** Create and Update share their members; Update adds the arn, Create the tags. */
  record PolicyRequest(
      String arn,
      List<String> allowedCountries,
      List<String> allowedOrigins,
      Boolean enableStrictOriginEnforcement,
      String name,
      Map<String, String> tags) {

    static PolicyRequest parseCreate(StructNode node) {
      return parse(node, false);
    }

    static PolicyRequest parseUpdate(StructNode node) {
      return parse(node, true);
    }

    private static PolicyRequest parse(StructNode node, boolean update) {
      Input input = Input.of(node);
      String arn = update ? input.required("arn", Rules.PLAYBACK_RESTRICTION_POLICY_ARN) : null;
      List<String> countries = input.strings("allowedCountries", null, null, Rules.COUNTRY, false);
      if (countries != null) {
        for (String country : countries) {
          if (!COUNTRIES.contains(country)) {
            input.fail("allowedCountries", "'" + country + "'",
                "Member must be an ISO 3166-1 alpha-2 country code");
          }
        }
      }
      List<String> origins = input.strings("allowedOrigins", null, null, Rules.ORIGIN, false);
      Boolean strict = input.bool("enableStrictOriginEnforcement");
      String name = input.string("name", Rules.NAME);
      Map<String, String> tags = update ? Map.of() : readTags(input, "tags", false);
      input.done();
      return new PolicyRequest(arn, countries, origins, strict, name, tags);
    }
  }

  private OperationResult create(CallContext context, PolicyRequest request) {
    String arn = newArn(context, ResourceType.PLAYBACK_RESTRICTION_POLICY);
    context.require(onNew("CreatePlaybackRestrictionPolicy", arn, request.tags()));
    deps.quotas().requireRoom(IvsQuota.PLAYBACK_RESTRICTION_POLICIES, context.accountId(), context.region(),
        deps.playbackRestrictionPolicies().count(context.accountId(), context.region()), 1);
    PlaybackRestrictionPolicy policy = new PlaybackRestrictionPolicy(arn,
        request.name() == null ? "" : request.name(),
        request.allowedCountries() == null ? List.of() : request.allowedCountries(),
        request.allowedOrigins() == null ? List.of() : request.allowedOrigins(),
        Boolean.TRUE.equals(request.enableStrictOriginEnforcement()),
        deps.clock().instant());
    // The count above answers the common case; the database decides a race between nodes for the last slot.
    long limit = limit(context, IvsQuota.PLAYBACK_RESTRICTION_POLICIES);
    if (!deps.playbackRestrictionPolicies().createWithinLimit(policy, limit)) {
      deps.quotas().requireRoom(IvsQuota.PLAYBACK_RESTRICTION_POLICIES, context.accountId(), context.region(), limit, 1);
    }
    storeTags(arn, request.tags());
    return output(policy, request.tags());
  }

  private OperationResult get(CallContext context, ArnRequest request) {
    PlaybackRestrictionPolicy policy = require(context, request.arn(), deps.playbackRestrictionPolicies()::find);
    return output(policy, deps.tags().tags(policy.arn()));
  }

  private OperationResult list(CallContext context, ListRequest request) {
    List<PlaybackRestrictionPolicy> fetched = deps.playbackRestrictionPolicies().page(context.accountId(),
        context.region(), Paging.after(request.nextToken()), request.maxResults() + 1);
    Paging.Page<PlaybackRestrictionPolicy> page =
        Paging.page(fetched, request.maxResults(), PlaybackRestrictionPolicy::arn);
    var tags = tagsOf(page.items().stream().map(PlaybackRestrictionPolicy::arn).toList());
    return OperationResult.output(StructNode.builder()
        .put("playbackRestrictionPolicies", ListNode.map(page.items(),
            item -> Shapes.playbackRestrictionPolicy(item, tags.get(item.arn()))))
        .put("nextToken", page.nextToken())
        .build());
  }

  private OperationResult update(CallContext context, PolicyRequest request) {
    PlaybackRestrictionPolicy current =
        require(context, request.arn(), deps.playbackRestrictionPolicies()::find);
    PlaybackRestrictionPolicy updated = new PlaybackRestrictionPolicy(current.arn(),
        request.name() != null ? request.name() : current.name(),
        request.allowedCountries() != null ? request.allowedCountries() : current.allowedCountries(),
        request.allowedOrigins() != null ? request.allowedOrigins() : current.allowedOrigins(),
        request.enableStrictOriginEnforcement() != null
            ? request.enableStrictOriginEnforcement()
            : current.enableStrictOriginEnforcement(),
        current.createdAt());
    if (!deps.playbackRestrictionPolicies().update(updated)) {
      throw IvsErrors.notFound(request.arn());
    }
    return output(updated, deps.tags().tags(updated.arn()));
  }

  private OperationResult delete(CallContext context, ArnRequest request) {
    PlaybackRestrictionPolicy policy = require(context, request.arn(), deps.playbackRestrictionPolicies()::find);
    if (deps.channels().anyUsesPlaybackRestrictionPolicy(policy.arn())) {
      throw IvsErrors.conflict("Playback restriction policy " + policy.arn() + " is used by a channel");
    }
    deps.playbackRestrictionPolicies().delete(policy.arn());
    deps.tags().deleteAll(policy.arn());
    return OperationResult.noContent();
  }

  private static OperationResult output(PlaybackRestrictionPolicy policy, Map<String, String> tags) {
    return OperationResult.output(StructNode.builder()
        .put("playbackRestrictionPolicy", Shapes.playbackRestrictionPolicy(policy, tags))
        .build());
  }
}
