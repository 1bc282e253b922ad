package dev.onair.rtmp.amf;

/** AMF0 type markers (AMF0 spec §2.1). */
public enum Amf0Type {
  NUMBER(0x00),
  BOOLEAN(0x01),
  STRING(0x02),
  OBJECT(0x03),
  MOVIECLIP(0x04),
  NULL(0x05),
  UNDEFINED(0x06),
  REFERENCE(0x07),
  ECMA_ARRAY(0x08),
  OBJECT_END(0x09),
  STRICT_ARRAY(0x0A),
  DATE(0x0B),
  LONG_STRING(0x0C),
  UNSUPPORTED(0x0D),
  RECORDSET(0x0E),
  XML_DOCUMENT(0x0F),
  TYPED_OBJECT(0x10),
  AVMPLUS_OBJECT(0x11);

  private static final Amf0Type[] BY_MARKER = values();

  private final int marker;

  Amf0Type(int marker) {
    this.marker = marker;
  }

  public int marker() {
    return marker;
  }

  /** Returns the type for a marker byte, or {@code null} if the marker is unknown. */
  public static Amf0Type fromMarker(int marker) {
    return marker >= 0 && marker < BY_MARKER.length ? BY_MARKER[marker] : null;
  }
}
