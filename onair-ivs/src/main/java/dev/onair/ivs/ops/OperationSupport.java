package dev.onair.ivs.ops;

import dev.onair.ivs.IvsArn;
import dev.onair.ivs.IvsDependencies;
import dev.onair.ivs.IvsErrors;
import dev.onair.ivs.IvsQuota;
import dev.onair.ivs.ResourceType;
import dev.onair.ivs.model.Tagged;
import dev.onair.ivs.validate.Input;
import dev.onair.ivs.validate.Rules;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.error.AwsServiceException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What every operation group shares: dependencies, resource lookup scoped to the caller, tags, checks. */
abstract class OperationSupport {
  /** The model's limit on a Tags map; the per-resource total is the quota in {@link IvsQuota#TAGS_PER_RESOURCE}. */
  static final int MAX_TAGS_PER_REQUEST = 50;

  private static final String RESERVED_TAG_PREFIX = "aws:";

  final IvsDependencies deps;

  OperationSupport(IvsDependencies deps) {
    this.deps = deps;
  }

  /**
   * Finds a resource the caller's account and region own; an ARN of another account or region is "not found",
   * as a resource in another region is at AWS.
   */
  <T> T require(CallContext context, String arn, Function<String, Optional<T>> finder) {
    Optional<IvsArn> parsed = IvsArn.parse(arn);
    if (parsed.isEmpty() || !parsed.get().belongsTo(context.accountId(), context.region())) {
      throw IvsErrors.notFound(arn);
    }
    return finder.apply(arn).orElseThrow(() -> IvsErrors.notFound(arn));
  }

  /** {@link #require} for a resource already read (by the call's checks, with its tags). */
  <T> T requireFound(CallContext context, String arn, Optional<T> found) {
    return require(context, arn, ignored -> found);
  }

  /** The check for an existing resource, carrying its stored tags as aws:ResourceTag keys. */
  AuthorizationCheck onResource(String operation, String arn) {
    return AuthorizationCheck.of(IvsOperation.action(operation), arn).withResourceTags(deps.tags().tags(arn));
  }

  /** {@link #onResource(String, String)} for a resource already read with its tags (none when it does not exist). */
  AuthorizationCheck onResource(String operation, String arn, Optional<? extends Tagged<?>> found) {
    return AuthorizationCheck.of(IvsOperation.action(operation), arn)
        .withResourceTags(found.isPresent() ? found.get().tags() : Map.of());
  }

  AuthorizationCheck onAll(String operation, CallContext context, ResourceType type) {
    return AuthorizationCheck.of(
        IvsOperation.action(operation), IvsArn.wildcard(context.region(), context.accountId(), type));
  }

  AuthorizationCheck onNew(String operation, String arn, Map<String, String> requestTags) {
    return AuthorizationCheck.of(IvsOperation.action(operation), arn).withRequestTags(requestTags);
  }

  String newArn(CallContext context, ResourceType type) {
    return IvsArn.of(context.region(), context.accountId(), type, deps.ids().resourceId());
  }

  /** Reads a Tags member: the model's constraints plus AWS's reserved "aws:" prefix. */
  static Map<String, String> readTags(Input input, String member, boolean required) {
    Map<String, String> tags = input.stringMap(member, MAX_TAGS_PER_REQUEST, Rules.TAG_KEY, Rules.TAG_VALUE, required);
    if (tags != null) {
      for (String key : tags.keySet()) {
        if (key.regionMatches(true, 0, RESERVED_TAG_PREFIX, 0, RESERVED_TAG_PREFIX.length())) {
          input.fail(member, "'" + key + "'", "Tag keys must not begin with the reserved prefix 'aws:'");
          return null;
        }
      }
    }
    return tags == null ? (required ? null : Map.of()) : tags;
  }

  static Integer readMaxResults(Input input, long max) {
    return input.integer("maxResults", 1L, max, false);
  }

  void storeTags(String arn, Map<String, String> tags) {
    if (tags != null && !tags.isEmpty()) {
      deps.tags().put(arn, tags);
    }
  }

  Map<String, Map<String, String>> tagsOf(List<String> arns) {
    return deps.tags().tags(arns);
  }

  long limit(CallContext context, IvsQuota quota) {
    return deps.quotas().limit(quota, context.accountId(), context.region());
  }

  static boolean isAccessDenied(AwsServiceException e) {
    return e.errorCode().httpStatus() == 403;
  }
}
