package dev.onair.rtmp.message;

/** RTMP message type ids (RTMP 1.0 §5.4, §7.1). */
public enum RtmpMessageType {
  SET_CHUNK_SIZE(1),
  ABORT(2),
  ACKNOWLEDGEMENT(3),
  USER_CONTROL(4),
  WINDOW_ACKNOWLEDGEMENT_SIZE(5),
  SET_PEER_BANDWIDTH(6),
  AUDIO(8),
  VIDEO(9),
  DATA_AMF3(15),
  SHARED_OBJECT_AMF3(16),
  COMMAND_AMF3(17),
  DATA_AMF0(18),
  SHARED_OBJECT_AMF0(19),
  COMMAND_AMF0(20),
  AGGREGATE(22);

  private static final RtmpMessageType[] BY_ID = new RtmpMessageType[256];

  static {
    for (RtmpMessageType type : values()) {
      BY_ID[type.id] = type;
    }
  }

  private final int id;

  RtmpMessageType(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  /** Returns the type for an id, or {@code null} for ids RTMP does not define. */
  public static RtmpMessageType fromId(int id) {
    return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
  }

  /** Protocol control messages travel on chunk stream 2 with message stream 0. */
  public boolean isProtocolControl() {
    return id >= 1 && id <= 6;
  }
}
