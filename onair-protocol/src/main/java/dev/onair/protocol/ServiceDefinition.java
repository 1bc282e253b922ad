package dev.onair.protocol;

import static java.util.Objects.requireNonNull;

import dev.onair.protocol.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the front door needs to know to serve a service: how clients sign for it, which protocols it accepts and
 * their markers, its error codes for the generic failures, and its operations.
 *
 * @param signingName the SigV4 credential-scope service ({@code iam}, {@code ivs}, {@code monitoring})
 * @param protocols the protocols accepted; the first is the one used for errors when the request shows no marker
 * @param xmlNamespace Query protocol namespace, e.g. {@code https://iam.amazonaws.com/doc/2010-05-08/}
 * @param apiVersion Query protocol {@code Version}
 * @param jsonTargetPrefix awsJson {@code X-Amz-Target} prefix, and the CBOR service shape name
 * @param queryCompatible whether JSON/CBOR errors also carry {@code x-amzn-query-error} (CloudWatch)
 * @param errorNamespace awsJson {@code __type} prefix before '#', e.g. {@code com.amazonaws.servicequotas}
 * @param accessDenied the service's code for an authorization failure (AccessDenied or AccessDeniedException)
 * @param validation the service's code for invalid input (ValidationError, ValidationException, InvalidInput)
 * @param unknownOperation the code for an operation the service does not have (InvalidAction,
 *     UnknownOperationException)
 * @param restRouter routes REST requests; null for RPC services
 * @param settings wire details the protocol layer cannot infer (Query result wrappers, restJson1 timestamps)
 */
public record ServiceDefinition(
    String signingName,
    List<AwsProtocol> protocols,
    String xmlNamespace,
    String apiVersion,
    String jsonTargetPrefix,
    boolean queryCompatible,
    String errorNamespace,
    ErrorCode accessDenied,
    ErrorCode validation,
    ErrorCode unknownOperation,
    RestRouter restRouter,
    Map<String, Operation> operations,
    ProtocolSettings settings) {

  public ServiceDefinition {
    requireNonNull(signingName, "signingName is null");
    protocols = List.copyOf(protocols);
    if (protocols.isEmpty()) {
      throw new IllegalArgumentException("a service speaks at least one protocol");
    }
    requireNonNull(accessDenied, "accessDenied is null");
    requireNonNull(validation, "validation is null");
    requireNonNull(unknownOperation, "unknownOperation is null");
    operations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(operations));
    settings = settings == null ? ProtocolSettings.DEFAULTS : settings;
  }

  /** A service whose wire details are all the protocol defaults. */
  public ServiceDefinition(
      String signingName,
      List<AwsProtocol> protocols,
      String xmlNamespace,
      String apiVersion,
      String jsonTargetPrefix,
      boolean queryCompatible,
      String errorNamespace,
      ErrorCode accessDenied,
      ErrorCode validation,
      ErrorCode unknownOperation,
      RestRouter restRouter,
      Map<String, Operation> operations) {
    this(
        signingName,
        protocols,
        xmlNamespace,
        apiVersion,
        jsonTargetPrefix,
        queryCompatible,
        errorNamespace,
        accessDenied,
        validation,
        unknownOperation,
        restRouter,
        operations,
        ProtocolSettings.DEFAULTS);
  }

  public ServiceDefinition withSettings(ProtocolSettings newSettings) {
    return new ServiceDefinition(
        signingName,
        protocols,
        xmlNamespace,
        apiVersion,
        jsonTargetPrefix,
        queryCompatible,
        errorNamespace,
        accessDenied,
        validation,
        unknownOperation,
        restRouter,
        operations,
        newSettings);
  }

  public AwsProtocol primaryProtocol() {
    return protocols.get(0);
  }

  public boolean speaks(AwsProtocol protocol) {
    return protocols.contains(protocol);
  }

  public Set<String> operationNames() {
    return operations.keySet();
  }

  public Operation operation(String name) {
    return operations.get(name);
  }

  /** Operations keyed by name, in declaration order; the list order is kept for coverage reports. */
  public static Map<String, Operation> index(List<Operation> operations) {
    Map<String, Operation> map = new LinkedHashMap<>();
    for (Operation operation : operations) {
      if (map.put(operation.name(), operation) != null) {
        throw new IllegalArgumentException("duplicate operation " + operation.name());
      }
    }
    return map;
  }
}
