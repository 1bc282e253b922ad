package dev.onair.rtmp.amf;

/**
 * AMF0 date: milliseconds since the epoch plus a time-zone field that the spec says to ignore.
 *
 * @param epochMillis milliseconds since 1970-01-01T00:00Z (AMF0 stores a double)
 * @param timeZone the reserved 16-bit time-zone field, kept for exact round trips
 */
public record Amf0Date(double epochMillis, int timeZone) {}
