package dev.onair.server.frontdoor;

/** What the pipeline learned about a call so far, for its log line; filled in step by step on one thread. */
final class CallRecord {
  String principal;
  String action;
  String operation;
  ApiCallLog.Decision decision = ApiCallLog.Decision.NONE;
}
