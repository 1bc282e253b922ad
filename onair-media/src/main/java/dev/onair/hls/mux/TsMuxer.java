package dev.onair.hls.mux;

import dev.onair.media.codec.AacConfig;
import dev.onair.media.codec.AvcDecoderConfig;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Writes H.264/AAC as MPEG-2 transport stream packets (streaming.md §2.2).
 *
 * <p>Layout follows nginx-rtmp and ffmpeg: PMT on PID 0x1000, video (stream type 0x1B) on 0x100,
 * AAC-ADTS (0x0F) on 0x101, PCR on the video PID. Timed ID3 metadata (stream type 0x15, Apple's
 * "Timed Metadata for HTTP Live Streaming") goes on 0x102; the PMT always declares it, with the
 * metadata_pointer_descriptor and metadata_descriptor Apple specifies, because players read the
 * PMT once and would miss a track that appears only when the first PutMetadata arrives. Continuity counters live in this object and
 * continue across segments, so one muxer serves a whole stream; call {@link #writeTables} at the
 * start of each segment. Timestamps get a fixed 700 ms lead over the PCR, as nginx-rtmp does, so
 * B-frame reordering never puts a PTS behind the clock.
 *
 * <p>Not thread-safe; the segmenter owns one per stream.
 */
public final class TsMuxer {
  public static final int PAT_PID = 0x0000;
  public static final int PMT_PID = 0x1000;
  public static final int VIDEO_PID = 0x0100;
  public static final int AUDIO_PID = 0x0101;
  public static final int ID3_PID = 0x0102;
  /** stream_type "metadata carried in PES packets" (ISO 13818-1), used by Apple for timed ID3. */
  public static final int ID3_STREAM_TYPE = 0x15;

  private static final int PACKET_SIZE = 188;
  private static final long TIMESTAMP_LEAD_90K = 63_000;
  private static final long MASK_33 = (1L << 33) - 1;
  private static final int PRIVATE_STREAM_1 = 0xBD;
  /** metadata_pointer_descriptor (program info): format 0xFFFF/'ID3 ', service 0, program 1. */
  private static final byte[] METADATA_POINTER_DESCRIPTOR = {
    0x25, 0x0F, (byte) 0xFF, (byte) 0xFF, 'I', 'D', '3', ' ', (byte) 0xFF, 'I', 'D', '3', ' ', 0x00, 0x1F, 0x00, 0x01
  };
  /** metadata_descriptor (ES info): same format ids, no decoder config, no DSM-CC. */
  private static final byte[] METADATA_DESCRIPTOR = {
    0x26, 0x0D, (byte) 0xFF, (byte) 0xFF, 'I', 'D', '3', ' ', (byte) 0xFF, 'I', 'D', '3', ' ', 0x00, 0x0F
  };

  private final int[] continuity = new int[0x2000];
  private final byte[] packet = new byte[PACKET_SIZE];
  /** Annex-B / ADTS of the frame being packetized; reused, so a frame costs no allocation but its TS packets. */
  private final MediaBuffer scratch = new MediaBuffer(64 * 1024);
  /** Packets of one PES when the caller's stream is not a {@link MediaBuffer} they can be composed in. */
  private final MediaBuffer staging = new MediaBuffer(0);
  private AvcDecoderConfig video;
  private AacConfig audio;

  public void setVideoConfig(AvcDecoderConfig config) {
    this.video = config;
  }

  public void setAudioConfig(AacConfig config) {
    this.audio = config;
  }

  public boolean hasVideo() {
    return video != null;
  }

  /** Writes PAT and PMT describing the tracks whose configs are known now. */
  public void writeTables(ByteArrayOutputStream out) {
    byte[] pat = {
      0x00, (byte) 0xB0, 0x0D, 0x00, 0x01, (byte) 0xC1, 0x00, 0x00,
      0x00, 0x01, (byte) (0xE0 | (PMT_PID >> 8)), (byte) PMT_PID, 0, 0, 0, 0
    };
    writeSection(out, PAT_PID, pat);

    int streams = (video != null ? 1 : 0) + (audio != null ? 1 : 0);
    int programInfo = METADATA_POINTER_DESCRIPTOR.length;
    byte[] pmt = new byte[12 + programInfo + 5 * streams + 5 + METADATA_DESCRIPTOR.length + 4];
    int sectionLength = pmt.length - 3;
    int pcrPid = video != null || audio == null ? VIDEO_PID : AUDIO_PID;
    pmt[0] = 0x02;
    pmt[1] = (byte) (0xB0 | (sectionLength >> 8));
    pmt[2] = (byte) sectionLength;
    pmt[3] = 0x00;
    pmt[4] = 0x01; // program number 1
    pmt[5] = (byte) 0xC1;
    pmt[8] = (byte) (0xE0 | (pcrPid >> 8));
    pmt[9] = (byte) pcrPid;
    pmt[10] = (byte) (0xF0 | (programInfo >> 8));
    pmt[11] = (byte) programInfo;
    System.arraycopy(METADATA_POINTER_DESCRIPTOR, 0, pmt, 12, programInfo);
    int i = 12 + programInfo;
    if (video != null) {
      i = streamEntry(pmt, i, 0x1B, VIDEO_PID, null);
    }
    if (audio != null) {
      i = streamEntry(pmt, i, 0x0F, AUDIO_PID, null);
    }
    streamEntry(pmt, i, ID3_STREAM_TYPE, ID3_PID, METADATA_DESCRIPTOR);
    writeSection(out, PMT_PID, pmt);
  }

  /** Writes one access unit (AVCC input) as a PES with PTS/DTS; PCR rides on its first packet. */
  public void writeVideo(long dtsMillis, int ctsMillis, boolean keyframe, byte[] avcc, ByteArrayOutputStream out) {
    if (video == null) {
      throw new IllegalStateException("video config not set");
    }
    scratch.reset();
    AnnexB.write(avcc, video, scratch);
    long dts = (dtsMillis * 90 + TIMESTAMP_LEAD_90K) & MASK_33;
    long pts = ((dtsMillis + ctsMillis) * 90 + TIMESTAMP_LEAD_90K) & MASK_33;
    byte[] header = pesHeader(0xE0, pts, dts, 0); // length 0: allowed for video, AUs exceed 64 KiB
    writePes(out, VIDEO_PID, header, scratch.array(), scratch.size(), (dtsMillis * 90) & MASK_33, keyframe);
  }

  /** Writes one raw AAC frame with an ADTS header as its own PES. */
  public void writeAudio(long dtsMillis, byte[] aacFrame, ByteArrayOutputStream out) {
    if (audio == null) {
      throw new IllegalStateException("audio config not set");
    }
    int length = adts(aacFrame);
    long pts = (dtsMillis * 90 + TIMESTAMP_LEAD_90K) & MASK_33;
    byte[] header = pesHeader(0xC0, pts, pts, length);
    // Without video the audio PID carries the clock.
    long pcr = video == null ? (dtsMillis * 90) & MASK_33 : -1;
    writePes(out, AUDIO_PID, header, scratch.array(), length, pcr, video == null);
  }

  /**
   * Writes one ID3 tag as a timed-metadata PES (private_stream_1, data-aligned, PTS only) at {@code ptsMillis}
   * on the same timeline as the media, so the player fires the cue when that picture is shown.
   */
  public void writeId3(long ptsMillis, byte[] id3Tag, ByteArrayOutputStream out) {
    long pts = (ptsMillis * 90 + TIMESTAMP_LEAD_90K) & MASK_33;
    byte[] header = pesHeader(PRIVATE_STREAM_1, pts, pts, id3Tag.length);
    header[6] = (byte) 0x84; // data_alignment_indicator: the PES starts with the tag
    writePes(out, ID3_PID, header, id3Tag, id3Tag.length, -1, false);
  }

  /** Writes the ADTS header and the frame into the scratch buffer; returns the length. */
  private int adts(byte[] frame) {
    int length = frame.length + 7;
    // ADTS has a 2-bit profile; HE-AAC and friends are signalled as LC (nginx-rtmp does the same
    // "to make Android happy"), decoders find SBR implicitly.
    int profile = audio.objectType() >= 1 && audio.objectType() <= 4 ? audio.objectType() - 1 : 1;
    int index = audio.adtsSamplingIndex();
    int channels = audio.channelConfig();
    scratch.reset();
    scratch.write(0xFF);
    scratch.write(0xF1);
    scratch.write((profile << 6) | (index << 2) | ((channels >> 2) & 1));
    scratch.write(((channels & 3) << 6) | ((length >> 11) & 3));
    scratch.write(length >> 3);
    scratch.write(((length & 7) << 5) | 0x1F);
    scratch.write(0xFC);
    scratch.write(frame, 0, frame.length);
    return length;
  }

  private static byte[] pesHeader(int streamId, long pts, long dts, int payloadLength) {
    boolean withDts = dts != pts;
    int headerDataLength = withDts ? 10 : 5;
    byte[] h = new byte[9 + headerDataLength];
    h[2] = 1;
    h[3] = (byte) streamId;
    int pesLength = payloadLength == 0 ? 0 : 3 + headerDataLength + payloadLength;
    if (pesLength > 0xFFFF) {
      pesLength = 0;
    }
    h[4] = (byte) (pesLength >> 8);
    h[5] = (byte) pesLength;
    h[6] = (byte) 0x80;
    h[7] = (byte) (withDts ? 0xC0 : 0x80);
    h[8] = (byte) headerDataLength;
    writeTimestamp(h, 9, withDts ? 0x3 : 0x2, pts);
    if (withDts) {
      writeTimestamp(h, 14, 0x1, dts);
    }
    return h;
  }

  private static void writeTimestamp(byte[] b, int offset, int prefix, long ts) {
    b[offset] = (byte) ((prefix << 4) | ((ts >> 29) & 0x0E) | 1);
    b[offset + 1] = (byte) (ts >> 22);
    b[offset + 2] = (byte) (((ts >> 14) & 0xFE) | 1);
    b[offset + 3] = (byte) (ts >> 7);
    b[offset + 4] = (byte) (((ts << 1) & 0xFE) | 1);
  }

  /**
   * Packetizes header+payload. The first packet may carry an adaptation field with PCR and the
   * random-access flag; the last is padded with adaptation-field stuffing, never payload bytes.
   * Packets are composed in place in the output (or in {@code staging} for another stream) and only
   * stuffing is filled, so a frame costs one copy of its bytes.
   */
  private void writePes(ByteArrayOutputStream out, int pid, byte[] header, byte[] payload, int payloadLength,
      long pcr, boolean randomAccess) {
    MediaBuffer target = out instanceof MediaBuffer direct ? direct : staging;
    if (target == staging) {
      staging.reset();
    }
    int total = header.length + payloadLength;
    int written = 0;
    boolean first = true;
    while (written < total) {
      boolean withPcr = first && pcr >= 0;
      boolean flags = first && (withPcr || randomAccess);
      int adaptationBody = flags ? 1 + (withPcr ? 6 : 0) : 0; // bytes after the length byte
      int room = PACKET_SIZE - 4 - (flags ? 1 + adaptationBody : 0);
      int chunk = Math.min(room, total - written);
      int stuffing = room - chunk;
      boolean adaptation = flags || stuffing > 0;
      if (adaptation && !flags) {
        // Stuffing alone: one length byte (value 0) absorbs 1 byte; more needs a flags byte too.
        adaptationBody = stuffing - 1;
      } else if (flags) {
        adaptationBody += stuffing;
      }
      int at = target.reserve(PACKET_SIZE);
      byte[] packet = target.array();
      packet[at] = 0x47;
      packet[at + 1] = (byte) ((first ? 0x40 : 0) | (pid >> 8));
      packet[at + 2] = (byte) pid;
      packet[at + 3] = (byte) ((adaptation ? 0x30 : 0x10) | nextContinuity(pid));
      int p = at + 4;
      if (adaptation) {
        packet[p++] = (byte) adaptationBody;
        if (adaptationBody > 0) {
          packet[p] = (byte) ((withPcr ? 0x10 : 0) | (first && randomAccess ? 0x40 : 0));
          int set = 1;
          if (withPcr) {
            packet[p + 1] = (byte) (pcr >> 25);
            packet[p + 2] = (byte) (pcr >> 17);
            packet[p + 3] = (byte) (pcr >> 9);
            packet[p + 4] = (byte) (pcr >> 1);
            packet[p + 5] = (byte) (((pcr & 1) << 7) | 0x7E);
            packet[p + 6] = 0;
            set = 7;
          }
          Arrays.fill(packet, p + set, p + adaptationBody, (byte) 0xFF); // stuffing bytes
          p += adaptationBody;
        }
      }
      int fromHeader = Math.max(0, Math.min(chunk, header.length - written));
      if (fromHeader > 0) {
        System.arraycopy(header, written, packet, p, fromHeader);
      }
      int payloadStart = written + fromHeader - header.length;
      System.arraycopy(payload, payloadStart, packet, p + fromHeader, chunk - fromHeader);
      written += chunk;
      first = false;
    }
    if (target == staging) {
      out.write(staging.array(), 0, staging.size());
    }
  }

  private void writeSection(ByteArrayOutputStream out, int pid, byte[] section) {
    int crc = Crc32Mpeg2.compute(section, 0, section.length - 4);
    section[section.length - 4] = (byte) (crc >>> 24);
    section[section.length - 3] = (byte) (crc >>> 16);
    section[section.length - 2] = (byte) (crc >>> 8);
    section[section.length - 1] = (byte) crc;
    Arrays.fill(packet, (byte) 0xFF);
    packet[0] = 0x47;
    packet[1] = (byte) (0x40 | (pid >> 8));
    packet[2] = (byte) pid;
    packet[3] = (byte) (0x10 | nextContinuity(pid));
    packet[4] = 0; // pointer field
    System.arraycopy(section, 0, packet, 5, section.length);
    out.write(packet, 0, PACKET_SIZE);
  }

  private static int streamEntry(byte[] pmt, int i, int streamType, int pid, byte[] descriptor) {
    int infoLength = descriptor == null ? 0 : descriptor.length;
    pmt[i] = (byte) streamType;
    pmt[i + 1] = (byte) (0xE0 | (pid >> 8));
    pmt[i + 2] = (byte) pid;
    pmt[i + 3] = (byte) (0xF0 | (infoLength >> 8));
    pmt[i + 4] = (byte) infoLength;
    if (descriptor != null) {
      System.arraycopy(descriptor, 0, pmt, i + 5, infoLength);
    }
    return i + 5 + infoLength;
  }

  private int nextContinuity(int pid) {
    int value = continuity[pid];
    continuity[pid] = (value + 1) & 0x0F;
    return value;
  }
}
