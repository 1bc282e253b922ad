package dev.onair.ivs;

import dev.onair.protocol.AwsProtocol;
import dev.onair.protocol.Operation;
import dev.onair.protocol.ProtocolSettings;
import dev.onair.protocol.ServiceDefinition;
import dev.onair.protocol.TimestampFormat;
import dev.onair.protocol.error.ErrorCode;
import java.util.List;
import java.util.Map;

/** What the front door needs to serve IVS: SigV4 name "ivs", restJson1, IVS's error codes, routes, operations. */
public final class IvsServiceDefinition {
  /** restJson1 services answer an unmatched route with this (API Gateway-style front ends do). */
  static final ErrorCode UNKNOWN_OPERATION = ErrorCode.of("UnknownOperationException", 404);

  private IvsServiceDefinition() {}

  public static ServiceDefinition create(IvsService service) {
    List<Operation> operations = service.operations();
    Map<String, Operation> index = ServiceDefinition.index(operations);
    return new ServiceDefinition(
        "ivs",
        List.of(AwsProtocol.REST_JSON_1),
        null,
        "2020-07-14",
        null,
        false,
        null,
        IvsErrorCode.ACCESS_DENIED,
        IvsErrorCode.VALIDATION,
        UNKNOWN_OPERATION,
        new IvsRestRouter(index.keySet()),
        index,
        // Every IVS timestamp member is marked iso8601 in the model (Shapes also writes them as text already).
        ProtocolSettings.DEFAULTS.withRestJsonTimestamps(TimestampFormat.ISO_8601));
  }
}
