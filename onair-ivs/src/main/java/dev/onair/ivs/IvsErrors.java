package dev.onair.ivs;

import dev.onair.protocol.error.AwsServiceException;
import java.util.List;

/** Factories for the errors IVS operations throw, so that messages read the same everywhere. */
public final class IvsErrors {
  private IvsErrors() {}

  public static AwsServiceException validation(String message) {
    return new AwsServiceException(IvsErrorCode.VALIDATION, message);
  }

  /** AWS's Coral wording: "2 validation errors detected: A; B". */
  public static AwsServiceException validation(List<String> violations) {
    int count = violations.size();
    String prefix = count + (count == 1 ? " validation error detected: " : " validation errors detected: ");
    return validation(prefix + String.join("; ", violations));
  }

  public static AwsServiceException notFound(String arn) {
    return new AwsServiceException(IvsErrorCode.RESOURCE_NOT_FOUND, "Resource: " + arn + " not found");
  }

  public static AwsServiceException conflict(String message) {
    return new AwsServiceException(IvsErrorCode.CONFLICT, message);
  }

  public static AwsServiceException quotaExceeded(String message) {
    return new AwsServiceException(IvsErrorCode.SERVICE_QUOTA_EXCEEDED, message);
  }

  public static AwsServiceException notBroadcasting(String channelArn) {
    return new AwsServiceException(
        IvsErrorCode.CHANNEL_NOT_BROADCASTING, "Channel: " + channelArn + " is not broadcasting");
  }

  public static AwsServiceException throttled(String operation) {
    return new AwsServiceException(IvsErrorCode.THROTTLING, "Rate exceeded for " + operation);
  }

  public static AwsServiceException streamUnavailable(String channelArn) {
    return new AwsServiceException(
        IvsErrorCode.STREAM_UNAVAILABLE, "The stream of channel " + channelArn + " is temporarily unavailable");
  }
}
