package dev.onair.rtmp.message;

import dev.onair.rtmp.amf.Amf0Reader;
import dev.onair.rtmp.amf.Amf0Writer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Converts between {@link RawMessage} payload bytes and typed {@link RtmpMessage} records. */
public final class RtmpMessageCodec {
  /** Chunk stream ids we send on; they follow ffmpeg's split so captures look familiar. */
  public static final int CSID_CONTROL = 2;

  public static final int CSID_COMMAND = 3;
  public static final int CSID_AUDIO = 4;
  public static final int CSID_DATA = 5;
  public static final int CSID_VIDEO = 6;
  public static final int CSID_OTHER = 7;

  private RtmpMessageCodec() {}

  /** Decodes a reassembled message; malformed payloads raise {@link RtmpProtocolException}. */
  public static RtmpMessage decode(RawMessage raw) {
    byte[] p = raw.payload();
    RtmpMessageType type = RtmpMessageType.fromId(raw.typeId());
    if (type == null) {
      return new UnknownMessage(raw.typeId(), raw.timestamp(), raw.streamId(), p);
    }
    switch (type) {
      case SET_CHUNK_SIZE:
        long size = u32(p, 0, type);
        if (size == 0 || size > Integer.MAX_VALUE) {
          throw new RtmpProtocolException("invalid chunk size " + size);
        }
        return new SetChunkSize((int) size);
      case ABORT:
        return new AbortMessage((int) u32(p, 0, type));
      case ACKNOWLEDGEMENT:
        return new Acknowledgement(u32(p, 0, type));
      case WINDOW_ACKNOWLEDGEMENT_SIZE:
        return new WindowAcknowledgementSize(u32(p, 0, type));
      case SET_PEER_BANDWIDTH:
        long window = u32(p, 0, type);
        if (p.length < 5) {
          throw new RtmpProtocolException("SetPeerBandwidth payload too short");
        }
        return new SetPeerBandwidth(window, p[4] & 0xFF);
      case USER_CONTROL:
        return decodeUserControl(p);
      case AUDIO:
        return new AudioData(raw.timestamp(), raw.streamId(), p);
      case VIDEO:
        return new VideoData(raw.timestamp(), raw.streamId(), p);
      case DATA_AMF0:
        return new DataMessage(raw.timestamp(), raw.streamId(), new Amf0Reader(p).readAll());
      case DATA_AMF3:
        return new DataMessage(raw.timestamp(), raw.streamId(), readAmf3Wrapped(p));
      case COMMAND_AMF0:
        return decodeCommand(raw.streamId(), new Amf0Reader(p).readAll());
      case COMMAND_AMF3:
        return decodeCommand(raw.streamId(), readAmf3Wrapped(p));
      default:
        return new UnknownMessage(raw.typeId(), raw.timestamp(), raw.streamId(), p);
    }
  }

  /** Encodes a message, choosing the chunk stream the way ffmpeg's server does. */
  public static RawMessage encode(RtmpMessage message) {
    int typeId = message.type().id();
    if (message instanceof SetChunkSize m) {
      return control(typeId, u32(m.chunkSize()));
    } else if (message instanceof AbortMessage m) {
      return control(typeId, u32(m.chunkStreamId()));
    } else if (message instanceof Acknowledgement m) {
      return control(typeId, u32(m.sequenceNumber()));
    } else if (message instanceof WindowAcknowledgementSize m) {
      return control(typeId, u32(m.windowSize()));
    } else if (message instanceof SetPeerBandwidth m) {
      byte[] p = new byte[5];
      System.arraycopy(u32(m.windowSize()), 0, p, 0, 4);
      p[4] = (byte) m.limitType();
      return control(typeId, p);
    } else if (message instanceof UserControl m) {
      return control(typeId, encodeUserControl(m));
    } else if (message instanceof AudioData m) {
      return new RawMessage(CSID_AUDIO, typeId, m.timestamp(), m.streamId(), m.payload());
    } else if (message instanceof VideoData m) {
      return new RawMessage(CSID_VIDEO, typeId, m.timestamp(), m.streamId(), m.payload());
    } else if (message instanceof DataMessage m) {
      return new RawMessage(
          CSID_DATA, typeId, m.timestamp(), m.streamId(), Amf0Writer.encode(m.values()));
    } else if (message instanceof CommandMessage m) {
      List<Object> values = new ArrayList<>(m.arguments().size() + 3);
      values.add(m.name());
      values.add(m.transactionId());
      values.add(m.commandObject());
      values.addAll(m.arguments());
      return new RawMessage(CSID_COMMAND, typeId, 0, m.streamId(), Amf0Writer.encode(values));
    } else if (message instanceof UnknownMessage m) {
      return new RawMessage(CSID_OTHER, m.typeId(), m.timestamp(), m.streamId(), m.payload());
    }
    throw new IllegalStateException("unhandled message " + message);
  }

  private static RawMessage control(int typeId, byte[] payload) {
    return new RawMessage(CSID_CONTROL, typeId, 0, 0, payload);
  }

  private static UserControl decodeUserControl(byte[] p) {
    if (p.length < 2) {
      throw new RtmpProtocolException("UserControl payload too short");
    }
    int event = ((p[0] & 0xFF) << 8) | (p[1] & 0xFF);
    long value = p.length >= 6 ? readU32(p, 2) : 0;
    long second = p.length >= 10 ? readU32(p, 6) : 0;
    return new UserControl(event, value, second);
  }

  private static byte[] encodeUserControl(UserControl m) {
    boolean twoArgs = m.eventType() == UserControl.SET_BUFFER_LENGTH;
    byte[] p = new byte[twoArgs ? 10 : 6];
    p[0] = (byte) (m.eventType() >>> 8);
    p[1] = (byte) m.eventType();
    System.arraycopy(u32(m.value()), 0, p, 2, 4);
    if (twoArgs) {
      System.arraycopy(u32(m.bufferLength()), 0, p, 6, 4);
    }
    return p;
  }

  private static CommandMessage decodeCommand(int streamId, List<Object> values) {
    if (values.isEmpty() || !(values.get(0) instanceof String name)) {
      throw new RtmpProtocolException("command without a name");
    }
    double transactionId = values.size() > 1 && values.get(1) instanceof Number n ? n.doubleValue() : 0;
    Object commandObject = values.size() > 2 ? values.get(2) : null;
    List<Object> arguments = values.size() > 3 ? values.subList(3, values.size()) : List.of();
    return new CommandMessage(streamId, name, transactionId, commandObject, arguments);
  }

  /** AMF3 command/data messages from Flash start with a 0x00 format byte, then AMF0 values. */
  private static List<Object> readAmf3Wrapped(byte[] p) {
    ByteBuffer buffer = ByteBuffer.wrap(p);
    if (buffer.hasRemaining() && buffer.get(0) == 0) {
      buffer.position(1);
    }
    return new Amf0Reader(buffer).readAll();
  }

  private static long u32(byte[] p, int offset, RtmpMessageType type) {
    if (p.length < offset + 4) {
      throw new RtmpProtocolException(type + " payload too short: " + p.length + " bytes");
    }
    return readU32(p, offset);
  }

  private static long readU32(byte[] p, int offset) {
    return ((p[offset] & 0xFFL) << 24)
        | ((p[offset + 1] & 0xFFL) << 16)
        | ((p[offset + 2] & 0xFFL) << 8)
        | (p[offset + 3] & 0xFFL);
  }

  private static byte[] u32(long value) {
    return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
  }
}
