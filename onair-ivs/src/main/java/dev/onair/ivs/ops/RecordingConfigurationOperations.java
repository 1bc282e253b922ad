package dev.onair.ivs.ops;

import dev.onair.ivs.IvsDependencies;
import dev.onair.ivs.IvsErrors;
import dev.onair.ivs.IvsQuota;
import dev.onair.ivs.ResourceType;
import dev.onair.ivs.model.RecordingConfiguration;
import dev.onair.ivs.model.RecordingConfigurationState;
import dev.onair.ivs.model.RenditionConfiguration;
import dev.onair.ivs.model.ThumbnailConfiguration;
import dev.onair.ivs.port.ServiceLinkedRoleCreator;
import dev.onair.ivs.validate.Input;
import dev.onair.ivs.validate.Rules;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.StructNode;
import java.util.List;
import java.util.Map;

/** CreateRecordingConfiguration, GetRecordingConfiguration, ListRecordingConfigurations, Delete... */
public final class RecordingConfigurationOperations extends OperationSupport {
  public RecordingConfigurationOperations(IvsDependencies deps) {
    super(deps);
  }

  public List<Operation> operations() {
    var throttle = deps.throttle();
    return List.of(
        IvsOperation.of("CreateRecordingConfiguration", throttle, CreateRecordingConfiguration::parse,
            IvsOperation.checkedInHandler(), this::create),
        IvsOperation.of("GetRecordingConfiguration", throttle, ArnRequest.parser(Rules.RECORDING_CONFIGURATION_ARN),
            (context, request) -> List.of(onResource("GetRecordingConfiguration", request.arn())), this::get),
        IvsOperation.of("ListRecordingConfigurations", throttle, ListRequest.parser(100),
            (context, request) -> List.of(
                onAll("ListRecordingConfigurations", context, ResourceType.RECORDING_CONFIGURATION)),
            this::list),
        IvsOperation.of("DeleteRecordingConfiguration", throttle,
            ArnRequest.parser(Rules.RECORDING_CONFIGURATION_ARN),
            (context, request) -> List.of(onResource("DeleteRecordingConfiguration", request.arn())),
            this::delete));
  }

  record CreateRecordingConfiguration(
      String name,
      String bucketName,
      Map<String, String> tags,
      ThumbnailConfiguration thumbnail,
      int reconnectWindowSeconds,
      RenditionConfiguration rendition) {

    static CreateRecordingConfiguration parse(StructNode node) {
      Input input = Input.of(node);
      String name = input.string("name", Rules.NAME);
      Input destination = input.struct("destinationConfiguration", true);
      String bucket = null;
      if (destination != null) {
        Input s3 = destination.struct("s3", false);
        bucket = s3 == null ? null : s3.required("bucketName", Rules.BUCKET_NAME);
      }
      Map<String, String> tags = readTags(input, "tags", false);
      ThumbnailConfiguration thumbnail = thumbnail(input.struct("thumbnailConfiguration", false));
      Integer window = input.integer("recordingReconnectWindowSeconds", 0L, 300L, false);
      RenditionConfiguration rendition = rendition(input.struct("renditionConfiguration", false));
      input.done();
      if (bucket == null) {
        // The model makes s3 optional inside destinationConfiguration, but S3 is the only destination there is.
        throw IvsErrors.validation("destinationConfiguration must specify an s3 destination");
      }
      return new CreateRecordingConfiguration(
          name == null ? "" : name, bucket, tags, thumbnail, window == null ? 0 : window, rendition);
    }

    private static ThumbnailConfiguration thumbnail(Input input) {
      ThumbnailConfiguration defaults = ThumbnailConfiguration.DEFAULT;
      if (input == null) {
        return defaults;
      }
      String mode = input.string("recordingMode", Rules.RECORDING_MODE);
      Long interval = input.number("targetIntervalSeconds", 1L, 60L, false);
      String resolution = input.string("resolution", Rules.RESOLUTION);
      List<String> storage = input.strings("storage", null, null, Rules.THUMBNAIL_STORAGE, false);
      return new ThumbnailConfiguration(
          mode == null ? defaults.recordingMode() : mode,
          interval == null ? defaults.targetIntervalSeconds() : interval,
          resolution,
          storage == null || storage.isEmpty() ? defaults.storage() : storage);
    }

    private static RenditionConfiguration rendition(Input input) {
      if (input == null) {
        return RenditionConfiguration.DEFAULT;
      }
      String selection = input.string("renditionSelection", Rules.RENDITION_SELECTION);
      List<String> renditions = input.strings("renditions", null, null, Rules.RESOLUTION, false);
      String effective = selection == null ? "ALL" : selection;
      if ("CUSTOM".equals(effective) && (renditions == null || renditions.isEmpty())) {
        input.fail("renditions", "null", "renditions are required when renditionSelection is CUSTOM");
      }
      return new RenditionConfiguration(effective, renditions == null ? List.of() : renditions);
    }
  }

  private OperationResult create(CallContext context, CreateRecordingConfiguration request) {
    String arn = newArn(context, ResourceType.RECORDING_CONFIGURATION);
    context.require(onNew("CreateRecordingConfiguration", arn, request.tags()));
    deps.quotas().requireRoom(IvsQuota.RECORDING_CONFIGURATIONS, context.accountId(), context.region(),
        deps.recordingConfigurations().count(context.accountId(), context.region()), 1);
    ensureServiceLinkedRole(context);
    RecordingConfiguration configuration = new RecordingConfiguration(arn, request.name(), request.bucketName(),
        RecordingConfigurationState.CREATING, request.thumbnail(), request.reconnectWindowSeconds(),
        request.rendition(), deps.clock().instant());
    // The count above answers the common case; the database decides a race between nodes for the last slot.
    long limit = limit(context, IvsQuota.RECORDING_CONFIGURATIONS);
    if (!deps.recordingConfigurations().createWithinLimit(configuration, limit)) {
      deps.quotas().requireRoom(IvsQuota.RECORDING_CONFIGURATIONS, context.accountId(), context.region(), limit, 1);
    }
    storeTags(arn, request.tags());
    // AWS answers CREATING and settles the state shortly after; the bucket check is quick here, so the settled
    // state is stored at once and the next Get shows ACTIVE or CREATE_FAILED.
    boolean usable = deps.bucketChecker().usable(context.accountId(), context.region(), request.bucketName());
    deps.recordingConfigurations().updateState(arn,
        usable ? RecordingConfigurationState.ACTIVE : RecordingConfigurationState.CREATE_FAILED);
    return OperationResult.output(StructNode.builder()
        .put("recordingConfiguration", Shapes.recordingConfiguration(configuration, request.tags()))
        .build());
  }

  /**
   * The first recording configuration of an account creates the service-linked role, which IAM allows only when
   * the caller may call iam:CreateServiceLinkedRole for it (AWS documents exactly this requirement).
   */
  private void ensureServiceLinkedRole(CallContext context) {
    ServiceLinkedRoleCreator roles = deps.serviceLinkedRoles();
    if (roles.exists(context.accountId())) {
      return;
    }
    context.require(AuthorizationCheck.of("iam:CreateServiceLinkedRole",
            ServiceLinkedRoleCreator.roleArn(context.accountId()))
        .withKey("iam:AWSServiceName", ServiceLinkedRoleCreator.SERVICE_NAME));
    roles.create(context.accountId());
  }

  private OperationResult get(CallContext context, ArnRequest request) {
    RecordingConfiguration configuration = require(context, request.arn(), deps.recordingConfigurations()::find);
    return OperationResult.output(StructNode.builder()
        .put("recordingConfiguration",
            Shapes.recordingConfiguration(configuration, deps.tags().tags(configuration.arn())))
        .build());
  }

  private OperationResult list(CallContext context, ListRequest request) {
    // "Default: your service quota or 100, whichever is smaller."
    int pageSize = request.explicitMaxResults()
        ? request.maxResults()
        : (int) Math.max(1, Math.min(100, limit(context, IvsQuota.RECORDING_CONFIGURATIONS)));
    List<RecordingConfiguration> fetched = deps.recordingConfigurations().page(context.accountId(),
        context.region(), Paging.after(request.nextToken()), pageSize + 1);
    Paging.Page<RecordingConfiguration> page = Paging.page(fetched, pageSize, RecordingConfiguration::arn);
    var tags = tagsOf(page.items().stream().map(RecordingConfiguration::arn).toList());
    return OperationResult.output(StructNode.builder()
        .put("recordingConfigurations", ListNode.map(page.items(),
            item -> Shapes.recordingConfigurationSummary(item, tags.get(item.arn()))))
        .put("nextToken", page.nextToken())
        .build());
  }

  private OperationResult delete(CallContext context, ArnRequest request) {
    RecordingConfiguration configuration = require(context, request.arn(), deps.recordingConfigurations()::find);
    if (deps.channels().anyUsesRecordingConfiguration(configuration.arn())) {
      throw IvsErrors.conflict("Recording configuration " + configuration.arn() + " is used by a channel");
    }
    deps.recordingConfigurations().delete(configuration.arn());
    deps.tags().deleteAll(configuration.arn());
    return OperationResult.noContent();
  }
}
