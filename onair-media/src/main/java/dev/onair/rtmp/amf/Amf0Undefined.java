package dev.onair.rtmp.amf;

/**
 * AMF0 {@code undefined}. Java {@code null} stands for AMF0 {@code null}; this singleton keeps the
 * two apart so that values round-trip exactly.
 */
public enum Amf0Undefined {
  INSTANCE
}
