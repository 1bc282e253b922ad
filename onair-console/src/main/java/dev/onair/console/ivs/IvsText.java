package dev.onair.console.ivs;

import dev.onair.console.web.Html;

/** The IVS console's words for API values, and the paths of the IVS pages. */
final class IvsText {
  static final String CHANNELS = "/console/ivs/channels";

  private IvsText() {}

  static String channelPath(String arn) {
    return CHANNELS + "/details?arn=" + Html.segment(arn);
  }

  static String latency(String mode) {
    return "NORMAL".equals(mode) ? "Normal latency" : "Ultra-low latency";
  }

  static String type(String type) {
    if (type == null) {
      return "-";
    }
    return switch (type) {
      case "STANDARD" -> "Standard";
      case "BASIC" -> "Basic";
      case "ADVANCED_SD" -> "Advanced SD";
      case "ADVANCED_HD" -> "Advanced HD";
      default -> type;
    };
  }

  static String yesNo(Boolean value) {
    return Boolean.TRUE.equals(value) ? "Enabled" : "Disabled";
  }

  static String lastSegment(String arn) {
    return arn == null ? "-" : arn.substring(arn.lastIndexOf('/') + 1);
  }
}
