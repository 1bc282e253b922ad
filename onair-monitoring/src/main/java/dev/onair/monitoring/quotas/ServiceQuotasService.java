package dev.onair.monitoring.quotas;

import static dev.onair.monitoring.quotas.ServiceQuotasErrorCode.ILLEGAL_ARGUMENT;
import static dev.onair.monitoring.quotas.ServiceQuotasErrorCode.NO_SUCH_RESOURCE;
import static java.util.Objects.requireNonNull;

import dev.onair.monitoring.InputReader;
import dev.onair.monitoring.PageToken;
import dev.onair.monitoring.Tags;
import dev.onair.protocol.AuthorizationCheck;
import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.CallContext;
import dev.onair.protocol.Operation;
import dev.onair.protocol.OperationResult;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.tree.ListNode;
import dev.onair.protocol.tree.Node;
import dev.onair.protocol.tree.StructNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Service Quotas (servicequotas, 2019-06-24, awsJson1_1) for service code {@code ivs}. The values shown and
 * changed are those of the {@link QuotaRegistry}, i.e. the limits IVS enforces.
 *
 * <p>Onair differs from AWS in one deliberate way: an "increase" request may also lower a value, because the
 * operator of a self-hosted installation is also its only customer and has no other API to set a limit.
 */
public final class ServiceQuotasService {
  public static final String SIGNING_NAME = "servicequotas";
  public static final String TARGET_PREFIX = "ServiceQuotasV20190624";
  static final InputReader INPUT = new InputReader(ILLEGAL_ARGUMENT, ILLEGAL_ARGUMENT);
  private static final Set<String> STATUSES =
      Set.of("PENDING", "CASE_OPENED", "APPROVED", "DENIED", "CASE_CLOSED", "NOT_APPROVED", "INVALID_REQUEST");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final QuotaRegistry registry;
  private final QuotaStore store;
  private final Tags tags;
  private final QuotaApprovalPolicy policy;
  private final Clock clock;
  private final Object applyLock = new Object();

  public ServiceQuotasService(
      QuotaRegistry registry, QuotaStore store, Tags tags, QuotaApprovalPolicy policy, Clock clock) {
    this.registry = requireNonNull(registry, "registry is null");
    this.store = requireNonNull(store, "store is null");
    this.tags = requireNonNull(tags, "tags is null");
    this.policy = requireNonNull(policy, "policy is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Puts the persisted values back into the registry; the composition root calls it once at start-up. */
  public void restore() {
    refresh();
  }

  /**
   * Copies every persisted value into the registry, so a value approved on another node (same database) becomes
   * this node's value. Run at start-up and then on the {@code quota-refresh} job's schedule (see ARCHITECTURE.md
   * "Scale-out" for the bound). Serialised with {@link #apply}, so a refresh that read the store before an approval
   * on this node cannot overwrite the value that approval set.
   */
  public void refresh() {
    synchronized (applyLock) {
      for (QuotaStore.AppliedQuota applied : store.applied()) {
        IvsQuotaCatalog.byCode(applied.quotaCode())
            .ifPresent(quota -> registry.setValue(quota, applied.accountId(), applied.region(), applied.value()));
      }
    }
  }

  /**
   * An operator's decision on a PENDING request (the console calls this; AWS has no API for it). Approval applies
   * the value at once.
   */
  public QuotaRequest decide(String requestId, boolean approve) {
    QuotaRequest request =
        store.findRequest(requestId).orElseThrow(() -> noSuchResource("The request " + requestId + " does not exist."));
    if (!request.isOpen()) {
      throw new AwsServiceException(
          ServiceQuotasErrorCode.INVALID_RESOURCE_STATE, "The request " + requestId + " is already " + request.status());
    }
    Instant now = clock.instant();
    QuotaRequest decided = request.withStatus(approve ? "APPROVED" : "DENIED", now);
    if (approve) {
      apply(IvsQuotaCatalog.byCode(request.quotaCode()).orElseThrow(), request.accountId(), request.region(),
          request.desiredValue());
    }
    store.saveRequest(decided);
    return decided;
  }

  public ServiceDefinition definition() {
    List<Operation> operations =
        List.of(
            op("ListServices", false, this::listServices),
            op("ListServiceQuotas", false, this::listServiceQuotas),
            op("ListAWSDefaultServiceQuotas", false, this::listDefaultQuotas),
            op("GetServiceQuota", true, this::getServiceQuota),
            op("GetAWSDefaultServiceQuota", true, this::getDefaultQuota),
            op("RequestServiceQuotaIncrease", true, this::requestIncrease),
            op("GetRequestedServiceQuotaChange", false, this::getRequestedChange),
            op("ListRequestedServiceQuotaChangeHistory", false, this::listHistory),
            op("ListRequestedServiceQuotaChangeHistoryByQuota", true, this::listHistoryByQuota),
            new Operation("ListTagsForResource", byArn("ListTagsForResource"), this::listTags).asReadOnly(),
            new Operation("TagResource", byArn("TagResource"), this::tagResource),
            new Operation("UntagResource", byArn("UntagResource"), this::untagResource));
    return new ServiceDefinition(
        SIGNING_NAME,
        List.of(AwsProtocol.AWS_JSON_1_1),
        null,
        "2019-06-24",
        TARGET_PREFIX,
        false,
        "com.amazonaws.servicequotas",
        ServiceQuotasErrorCode.ACCESS_DENIED,
        ServiceQuotasErrorCode.VALIDATION,
        ServiceQuotasErrorCode.UNKNOWN_OPERATION,
        null,
        ServiceDefinition.index(operations));
  }

  /** Get* and List* only read (the registry in memory, request history from the store). */
  private static Operation op(String name, boolean quotaResource, Operation.Handler handler) {
    Operation operation = new Operation(
        name,
        (context, input) -> {
          String resource = "*";
          if (quotaResource) {
            String service = safe(input, "ServiceCode");
            String code = safe(input, "QuotaCode");
            if (service != null && code != null) {
              resource = quotaArn(context, service, code);
            }
          }
          AuthorizationCheck check = AuthorizationCheck.of("servicequotas:" + name, resource);
          String service = safe(input, "ServiceCode");
          return List.of(service == null ? check : check.withKey("servicequotas:service", service));
        },
        handler);
    return name.startsWith("Get") || name.startsWith("List") ? operation.asReadOnly() : operation;
  }

  private static Operation.Authorization byArn(String name) {
    return (context, input) -> {
      String arn = safe(input, "ResourceARN");
      return List.of(AuthorizationCheck.of("servicequotas:" + name, arn == null ? "*" : arn));
    };
  }

  private static String safe(StructNode input, String member) {
    try {
      return input.string(member);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static String quotaArn(CallContext context, String serviceCode, String quotaCode) {
    return "arn:aws:servicequotas:" + context.region() + ":" + context.accountId() + ":" + serviceCode + "/" + quotaCode;
  }

  private OperationResult listServices(CallContext context, StructNode input) {
    page(input, "ListServices");
    Node service =
        StructNode.builder()
            .put("ServiceCode", IvsQuotaCatalog.SERVICE_CODE)
            .put("ServiceName", IvsQuotaCatalog.SERVICE_NAME)
            .build();
    return OperationResult.output(StructNode.builder().put("Services", ListNode.of(service)).build());
  }

  private OperationResult listServiceQuotas(CallContext context, StructNode input) {
    checkService(input);
    String onlyCode = INPUT.string(input, "QuotaCode");
    List<Node> quotas = new ArrayList<>();
    for (QuotaDefinition quota : IvsQuotaCatalog.all()) {
      if (onlyCode == null || onlyCode.equals(quota.quotaCode())) {
        quotas.add(QuotaWire.quota(context, quota, registry.value(quota, context.accountId(), context.region())));
      }
    }
    return paged(input, "ListServiceQuotas", "Quotas", quotas);
  }

  private OperationResult listDefaultQuotas(CallContext context, StructNode input) {
    checkService(input);
    List<Node> quotas = new ArrayList<>();
    for (QuotaDefinition quota : IvsQuotaCatalog.all()) {
      quotas.add(QuotaWire.quota(context, quota, quota.defaultValue()));
    }
    return paged(input, "ListAWSDefaultServiceQuotas", "Quotas", quotas);
  }

  private OperationResult getServiceQuota(CallContext context, StructNode input) {
    QuotaDefinition quota = quota(input);
    double value = registry.value(quota, context.accountId(), context.region());
    return OperationResult.output(StructNode.builder().put("Quota", QuotaWire.quota(context, quota, value)).build());
  }

  private OperationResult getDefaultQuota(CallContext context, StructNode input) {
    QuotaDefinition quota = quota(input);
    return OperationResult.output(
        StructNode.builder().put("Quota", QuotaWire.quota(context, quota, quota.defaultValue())).build());
  }

  private OperationResult requestIncrease(CallContext context, StructNode input) {
    QuotaDefinition quota = quota(input);
    Double desired = INPUT.decimal(input, "DesiredValue");
    if (desired == null) {
      throw INPUT.missing("DesiredValue");
    }
    if (desired < 0 || desired > 10_000_000_000d || desired != Math.floor(desired)) {
      throw INPUT.invalid("DesiredValue must be a whole number between 0 and 10000000000.");
    }
    if (!quota.adjustable()) {
      throw new AwsServiceException(
          ServiceQuotasErrorCode.ILLEGAL_ARGUMENT, "The quota " + quota.quotaCode() + " is not adjustable.");
    }
    List<QuotaRequest> open =
        store.requests(context.accountId(), context.region(), quota.serviceCode(), quota.quotaCode(), null);
    if (open.stream().anyMatch(QuotaRequest::isOpen)) {
      throw new AwsServiceException(
          ServiceQuotasErrorCode.RESOURCE_ALREADY_EXISTS,
          "A request for " + quota.quotaCode() + " is already pending.");
    }
    Instant now = clock.instant();
    String id = newRequestId();
    boolean approved = policy.approves(quota.quotaCode(), desired);
    QuotaRequest request =
        new QuotaRequest(
            id, context.accountId(), context.region(), quota.serviceCode(), quota.quotaCode(), desired,
            approved ? "APPROVED" : "PENDING", now, now, context.caller().arn());
    if (approved) {
      apply(quota, context.accountId(), context.region(), desired);
    }
    store.saveRequest(request);
    return OperationResult.output(
        StructNode.builder().put("RequestedQuota", QuotaWire.request(context, request)).build());
  }

  private void apply(QuotaDefinition quota, String accountId, String region, double value) {
    // Store first: once the registry holds the value, a refresh must find it persisted too.
    synchronized (applyLock) {
      store.saveApplied(
          new QuotaStore.AppliedQuota(accountId, region, quota.serviceCode(), quota.quotaCode(), value));
      registry.setValue(quota, accountId, region, value);
    }
  }

  private OperationResult getRequestedChange(CallContext context, StructNode input) {
    String id = INPUT.requiredString(input, "RequestId");
    QuotaRequest request =
        store
            .findRequest(id)
            .filter(found -> found.accountId().equals(context.accountId()))
            .orElseThrow(() -> noSuchResource("The request " + id + " does not exist."));
    return OperationResult.output(
        StructNode.builder().put("RequestedQuota", QuotaWire.request(context, request)).build());
  }

  private OperationResult listHistory(CallContext context, StructNode input) {
    String service = INPUT.string(input, "ServiceCode");
    if (service != null) {
      checkService(input);
    }
    return history(context, input, "ListRequestedServiceQuotaChangeHistory", service, null);
  }

  private OperationResult listHistoryByQuota(CallContext context, StructNode input) {
    QuotaDefinition quota = quota(input);
    return history(
        context, input, "ListRequestedServiceQuotaChangeHistoryByQuota", quota.serviceCode(), quota.quotaCode());
  }

  private OperationResult history(
      CallContext context, StructNode input, String scope, String service, String quotaCode) {
    String status = INPUT.string(input, "Status");
    if (status != null && !STATUSES.contains(status)) {
      throw INPUT.invalid("The value " + status + " for Status is invalid.");
    }
    List<Node> items = new ArrayList<>();
    for (QuotaRequest request : store.requests(context.accountId(), context.region(), service, quotaCode, status)) {
      items.add(QuotaWire.request(context, request));
    }
    return paged(input, scope, "RequestedQuotas", items);
  }

  private OperationResult listTags(CallContext context, StructNode input) {
    String arn = checkedArn(context, input);
    List<Node> out = new ArrayList<>();
    tags.get(arn).forEach((key, value) -> out.add(StructNode.builder().put("Key", key).put("Value", value).build()));
    return OperationResult.output(StructNode.builder().put("Tags", new ListNode(out)).build());
  }

  private OperationResult tagResource(CallContext context, StructNode input) {
    String arn = checkedArn(context, input);
    Map<String, String> newTags = INPUT.keyValueList(input, "Tags", "Key", "Value");
    Map<String, String> merged = new java.util.HashMap<>(tags.get(arn));
    merged.putAll(newTags);
    if (merged.size() > 200) {
      throw new AwsServiceException(ServiceQuotasErrorCode.TOO_MANY_TAGS, "A quota can have at most 200 tags.");
    }
    tags.put(arn, newTags);
    return OperationResult.output(StructNode.EMPTY);
  }

  private OperationResult untagResource(CallContext context, StructNode input) {
    String arn = checkedArn(context, input);
    tags.remove(arn, INPUT.strings(input, "TagKeys"));
    return OperationResult.output(StructNode.EMPTY);
  }

  private static String checkedArn(CallContext context, StructNode input) {
    String arn = INPUT.requiredString(input, "ResourceARN");
    String prefix = quotaArn(context, IvsQuotaCatalog.SERVICE_CODE, "");
    if (!arn.startsWith(prefix) || IvsQuotaCatalog.byCode(arn.substring(prefix.length())).isEmpty()) {
      throw noSuchResource("The resource " + arn + " does not exist.");
    }
    return arn;
  }

  private static void checkService(StructNode input) {
    String service = INPUT.requiredString(input, "ServiceCode");
    if (!IvsQuotaCatalog.SERVICE_CODE.equals(service)) {
      throw noSuchResource("The request failed because the specified service does not exist.");
    }
  }

  private static QuotaDefinition quota(StructNode input) {
    checkService(input);
    String code = INPUT.requiredString(input, "QuotaCode");
    Optional<QuotaDefinition> quota = IvsQuotaCatalog.byCode(code);
    return quota.orElseThrow(
        () -> noSuchResource("The request failed because the specified quota " + code + " does not exist."));
  }

  private static int[] page(StructNode input, String scope) {
    Integer max = INPUT.integer(input, "MaxResults");
    if (max != null && (max < 1 || max > 100)) {
      throw INPUT.invalid("MaxResults must be between 1 and 100.");
    }
    int offset =
        PageToken.decodeOffset(
            scope,
            INPUT.string(input, "NextToken"),
            () ->
                new AwsServiceException(
                    ServiceQuotasErrorCode.INVALID_PAGINATION_TOKEN, "Invalid NextToken"));
    return new int[] {offset, max == null ? 100 : max};
  }

  private static OperationResult paged(StructNode input, String scope, String member, List<Node> items) {
    int[] page = page(input, scope);
    int from = Math.min(page[0], items.size());
    int to = Math.min(from + page[1], items.size());
    StructNode.Builder output = StructNode.builder();
    if (to < items.size()) {
      output.put("NextToken", PageToken.encode(scope, Integer.toString(to)));
    }
    return OperationResult.output(output.put(member, new ListNode(items.subList(from, to))).build());
  }

  private static AwsServiceException noSuchResource(String message) {
    return new AwsServiceException(NO_SUCH_RESOURCE, message);
  }

  /** Service Quotas request ids are 32 hex characters. */
  private static String newRequestId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
