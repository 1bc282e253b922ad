package dev.onair.hls.mux;

import dev.onair.media.codec.AacConfig;
import dev.onair.media.codec.AvcDecoderConfig;
import java.util.List;

/**
 * Writes CMAF-style fragmented MP4 (streaming.md §2.3): an init segment ({@code ftyp+moov} with
 * {@code avcC}/{@code esds} and empty sample tables) and {@code moof+mdat} fragments with
 * {@code tfdt} and a version-1 {@code trun} (signed composition offsets). Samples stay AVCC, and
 * {@code avcC} is the FLV sequence header byte for byte, so nothing is re-encoded.
 *
 * <p>Video uses a 90 kHz timescale (milliseconds convert exactly); audio uses its sample rate so
 * every AAC frame lasts exactly 1024 ticks. Stateless apart from its configs: the caller chooses
 * sequence numbers and timing.
 */
public final class Fmp4Muxer {
  public static final int VIDEO_TRACK_ID = 1;
  public static final int AUDIO_TRACK_ID = 2;
  public static final int VIDEO_TIMESCALE = 90_000;
  /** The scheme hls.js, Shaka and AVPlayer read as "message_data is an ID3 tag" (AOM's ID3-in-CMAF). */
  public static final String ID3_SCHEME = "https://aomedia.org/emsg/ID3";

  private static final int SAMPLE_FLAGS_SYNC = 0x02000000; // sample_depends_on = 2 (I-frame)
  private static final int SAMPLE_FLAGS_NON_SYNC = 0x01010000; // depends_on = 1, is_non_sync
  private static final long[] MATRIX = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};

  private final AvcDecoderConfig video;
  private final AacConfig audio;

  /** Either config may be {@code null} for a single-track stream, not both. */
  public Fmp4Muxer(AvcDecoderConfig video, AacConfig audio) {
    if (video == null && audio == null) {
      throw new IllegalArgumentException("need at least one track");
    }
    this.video = video;
    this.audio = audio;
  }

  public int audioTimescale() {
    return audio == null ? 0 : audio.sampleRate();
  }

  public byte[] initSegment() {
    BoxWriter w = new BoxWriter(1024);
    int ftyp = w.start("ftyp");
    w.fourCc("iso6");
    w.u32(0);
    for (String brand : new String[] {"iso6", "iso5", "cmfc", "mp41"}) {
      w.fourCc(brand);
    }
    w.end(ftyp);

    int moov = w.start("moov");
    int mvhd = w.startFull("mvhd", 0, 0);
    w.u32(0); // creation time
    w.u32(0); // modification time
    w.u32(1000);
    w.u32(0); // duration: unknown for live
    w.u32(0x00010000); // rate 1.0
    w.u16(0x0100); // volume 1.0
    w.zeros(10);
    matrix(w);
    w.zeros(24);
    w.u32(AUDIO_TRACK_ID + 1); // next track id
    w.end(mvhd);
    if (video != null) {
      videoTrack(w);
    }
    if (audio != null) {
      audioTrack(w);
    }
    int mvex = w.start("mvex");
    if (video != null) {
      trex(w, VIDEO_TRACK_ID);
    }
    if (audio != null) {
      trex(w, AUDIO_TRACK_ID);
    }
    w.end(mvex);
    w.end(moov);
    return w.toByteArray();
  }

  /**
   * Builds one {@code moof+mdat}. Empty lists leave their track out of the fragment.
   *
   * @param sequenceNumber {@code mfhd} sequence number; must increase from fragment to fragment
   */
  public byte[] fragment(int sequenceNumber, List<Fmp4Sample> videoSamples, List<Fmp4Sample> audioSamples) {
    return fragment(sequenceNumber, videoSamples, audioSamples, List.of());
  }

  /**
   * As {@link #fragment(int, List, List)}, preceded by one {@code emsg} per timed-metadata event: CMAF puts
   * event messages before the {@code moof} they belong to, and sample offsets are moof-relative, so the
   * boxes in front change nothing else.
   */
  public byte[] fragment(int sequenceNumber, List<Fmp4Sample> videoSamples, List<Fmp4Sample> audioSamples,
      List<Fmp4Event> events) {
    if (!events.isEmpty()) {
      BoxWriter w = new BoxWriter(256);
      for (Fmp4Event event : events) {
        emsg(w, event);
      }
      byte[] prefix = w.toByteArray();
      byte[] fragment = fragment(sequenceNumber, videoSamples, audioSamples, List.of());
      byte[] joined = java.util.Arrays.copyOf(prefix, prefix.length + fragment.length);
      System.arraycopy(fragment, 0, joined, prefix.length, fragment.length);
      return joined;
    }
    int dataSize = 0;
    for (Fmp4Sample s : videoSamples) {
      dataSize += s.data().length;
    }
    for (Fmp4Sample s : audioSamples) {
      dataSize += s.data().length;
    }
    BoxWriter w = new BoxWriter(dataSize + 256 + 16 * (videoSamples.size() + audioSamples.size()));
    int moof = w.start("moof");
    int mfhd = w.startFull("mfhd", 0, 0);
    w.u32(sequenceNumber);
    w.end(mfhd);
    int videoOffsetField = videoSamples.isEmpty() ? -1 : traf(w, VIDEO_TRACK_ID, videoSamples);
    int audioOffsetField = audioSamples.isEmpty() ? -1 : traf(w, AUDIO_TRACK_ID, audioSamples);
    w.end(moof);
    int moofSize = w.size();
    // data_offset is relative to the moof start (default-base-is-moof); mdat header is 8 bytes.
    int offset = moofSize + 8;
    if (videoOffsetField >= 0) {
      w.patch32(videoOffsetField, offset);
      for (Fmp4Sample s : videoSamples) {
        offset += s.data().length;
      }
    }
    if (audioOffsetField >= 0) {
      w.patch32(audioOffsetField, offset);
    }
    int mdat = w.start("mdat");
    for (Fmp4Sample s : videoSamples) {
      w.bytes(s.data());
    }
    for (Fmp4Sample s : audioSamples) {
      w.bytes(s.data());
    }
    w.end(mdat);
    return w.toByteArray();
  }

  /**
   * Version 1 {@code emsg}: absolute presentation time on the video timescale (the timeline the player maps
   * the cue to), unknown duration, message = the ID3 tag.
   */
  private static void emsg(BoxWriter w, Fmp4Event event) {
    int emsg = w.startFull("emsg", 1, 0);
    w.u32(VIDEO_TIMESCALE);
    w.u64(event.presentationTime());
    w.u32(0xFFFFFFFFL); // duration unknown
    w.u32(event.id());
    w.bytes(ID3_SCHEME.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    w.u8(0);
    w.u8(0); // value: empty string
    w.bytes(event.id3Tag());
    w.end(emsg);
  }

  /** Writes a traf and returns the offset of its trun data_offset field for patching. */
  private static int traf(BoxWriter w, int trackId, List<Fmp4Sample> samples) {
    int traf = w.start("traf");
    int tfhd = w.startFull("tfhd", 0, 0x020000); // default-base-is-moof
    w.u32(trackId);
    w.end(tfhd);
    int tfdt = w.startFull("tfdt", 1, 0);
    w.u64(samples.get(0).decodeTime());
    w.end(tfdt);
    // data-offset, duration, size, flags, composition offset present
    int trun = w.startFull("trun", 1, 0x000F01);
    w.u32(samples.size());
    int offsetField = w.size();
    w.u32(0);
    for (Fmp4Sample s : samples) {
      w.u32(s.duration());
      w.u32(s.data().length);
      w.u32(trackId == VIDEO_TRACK_ID && !s.sync() ? SAMPLE_FLAGS_NON_SYNC : SAMPLE_FLAGS_SYNC);
      w.u32(s.compositionOffset());
    }
    w.end(trun);
    w.end(traf);
    return offsetField;
  }

  private void videoTrack(BoxWriter w) {
    int width = video.spsInfo().width();
    int height = video.spsInfo().height();
    int trak = w.start("trak");
    tkhd(w, VIDEO_TRACK_ID, false, width, height);
    int mdia = w.start("mdia");
    mdhd(w, VIDEO_TIMESCALE);
    hdlr(w, "vide", "VideoHandler");
    int minf = w.start("minf");
    int vmhd = w.startFull("vmhd", 0, 1);
    w.zeros(8); // graphicsmode + opcolor
    w.end(vmhd);
    dinf(w);
    int stbl = w.start("stbl");
    int stsd = w.startFull("stsd", 0, 0);
    w.u32(1);
    int avc1 = w.start("avc1");
    w.zeros(6);
    w.u16(1); // data reference index
    w.zeros(16); // pre_defined, reserved
    w.u16(width);
    w.u16(height);
    w.u32(0x00480000); // 72 dpi
    w.u32(0x00480000);
    w.u32(0);
    w.u16(1); // frame count
    w.zeros(32); // compressor name
    w.u16(0x0018); // depth
    w.u16(0xFFFF); // pre_defined = -1
    int avcC = w.start("avcC");
    w.bytes(video.record());
    w.end(avcC);
    w.end(avc1);
    w.end(stsd);
    emptySampleTables(w);
    w.end(stbl);
    w.end(minf);
    w.end(mdia);
    w.end(trak);
  }

  private void audioTrack(BoxWriter w) {
    int trak = w.start("trak");
    tkhd(w, AUDIO_TRACK_ID, true, 0, 0);
    int mdia = w.start("mdia");
    mdhd(w, audio.sampleRate());
    hdlr(w, "soun", "SoundHandler");
    int minf = w.start("minf");
    int smhd = w.startFull("smhd", 0, 0);
    w.u32(0); // balance + reserved
    w.end(smhd);
    dinf(w);
    int stbl = w.start("stbl");
    int stsd = w.startFull("stsd", 0, 0);
    w.u32(1);
    int mp4a = w.start("mp4a");
    w.zeros(6);
    w.u16(1);
    w.zeros(8);
    w.u16(Math.max(1, audio.channelCount()));
    w.u16(16);
    w.u32(0);
    w.u32(audio.sampleRate() <= 0xFFFF ? (long) audio.sampleRate() << 16 : 0);
    esds(w);
    w.end(mp4a);
    w.end(stsd);
    emptySampleTables(w);
    w.end(stbl);
    w.end(minf);
    w.end(mdia);
    w.end(trak);
  }

  private void esds(BoxWriter w) {
    byte[] asc = audio.record();
    int esds = w.startFull("esds", 0, 0);
    int decoderSpecific = 2 + asc.length;
    int decoderConfig = 2 + 13 + decoderSpecific;
    int slConfig = 3;
    w.u8(0x03); // ES_Descriptor
    w.u8(3 + decoderConfig + slConfig);
    w.u16(AUDIO_TRACK_ID);
    w.u8(0);
    w.u8(0x04); // DecoderConfigDescriptor
    w.u8(13 + decoderSpecific);
    w.u8(0x40); // MPEG-4 audio
    w.u8(0x15); // audio stream, upstream 0, reserved 1
    w.u24(0); // buffer size
    w.u32(0); // max bitrate
    w.u32(0); // average bitrate
    w.u8(0x05); // DecoderSpecificInfo
    w.u8(asc.length);
    w.bytes(asc);
    w.u8(0x06); // SLConfigDescriptor
    w.u8(1);
    w.u8(0x02);
    w.end(esds);
  }

  private static void tkhd(BoxWriter w, int trackId, boolean audio, int width, int height) {
    int tkhd = w.startFull("tkhd", 0, 3); // enabled, in movie
    w.u32(0);
    w.u32(0);
    w.u32(trackId);
    w.u32(0);
    w.u32(0); // duration
    w.zeros(8);
    w.u16(0); // layer
    w.u16(0); // alternate group
    w.u16(audio ? 0x0100 : 0);
    w.u16(0);
    matrix(w);
    w.u32((long) width << 16);
    w.u32((long) height << 16);
    w.end(tkhd);
  }

  private static void mdhd(BoxWriter w, int timescale) {
    int mdhd = w.startFull("mdhd", 0, 0);
    w.u32(0);
    w.u32(0);
    w.u32(timescale);
    w.u32(0);
    w.u16(0x55C4); // "und"
    w.u16(0);
    w.end(mdhd);
  }

  private static void hdlr(BoxWriter w, String type, String name) {
    int hdlr = w.startFull("hdlr", 0, 0);
    w.u32(0);
    w.fourCc(type);
    w.zeros(12);
    w.bytes(name.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    w.u8(0);
    w.end(hdlr);
  }

  private static void dinf(BoxWriter w) {
    int dinf = w.start("dinf");
    int dref = w.startFull("dref", 0, 0);
    w.u32(1);
    int url = w.startFull("url ", 0, 1); // self-contained
    w.end(url);
    w.end(dref);
    w.end(dinf);
  }

  private static void emptySampleTables(BoxWriter w) {
    for (String type : new String[] {"stts", "stsc", "stco"}) {
      int box = w.startFull(type, 0, 0);
      w.u32(0);
      w.end(box);
    }
    int stsz = w.startFull("stsz", 0, 0);
    w.u32(0);
    w.u32(0);
    w.end(stsz);
  }

  private static void trex(BoxWriter w, int trackId) {
    int trex = w.startFull("trex", 0, 0);
    w.u32(trackId);
    w.u32(1);
    w.u32(0);
    w.u32(0);
    w.u32(0);
    w.end(trex);
  }

  private static void matrix(BoxWriter w) {
    for (long value : MATRIX) {
      w.u32(value);
    }
  }
}
