package dev.onair.live.state;

import dev.onair.ivs.model.AudioConfiguration;
import dev.onair.ivs.model.VideoConfiguration;
import dev.onair.rtmp.session.StreamInfo;
import java.util.Locale;

/** Turns what was measured into IVS's VideoConfiguration/AudioConfiguration shapes (track 0). */
public final class IngestConfigurations {
  static final String TRACK = "Track0";

  private IngestConfigurations() {}

  public static VideoConfiguration video(StreamInfo info, IngestStats stats) {
    if (info == null || info.videoCodec() == null) {
      return null;
    }
    String profile = avcProfileName(info.videoProfile());
    String level = avcLevelName(info.videoLevel());
    double measured = stats.averageFrameRate();
    double frameRate = measured > 0 ? measured : info.frameRate();
    long bitrate = stats.averageVideoBitrate();
    return new VideoConfiguration(profile, level, info.videoCodec(), stats.encoder(),
        bitrate > 0 ? bitrate : null, frameRate > 0 ? Math.round(frameRate) : null,
        info.height() > 0 ? (long) info.height() : null, info.width() > 0 ? (long) info.width() : null,
        level, TRACK, profile);
  }

  public static AudioConfiguration audio(StreamInfo info, IngestStats stats) {
    if (info == null || info.audioCodec() == null) {
      return null;
    }
    long bitrate = stats.averageAudioBitrate();
    return new AudioConfiguration(info.audioCodec(), bitrate > 0 ? bitrate : null,
        info.sampleRate() > 0 ? (long) info.sampleRate() : null,
        info.channels() > 0 ? (long) info.channels() : null, TRACK);
  }

  /**
   * Whether stored figures are worth rewriting: any member other than the bit rate changed, or the bit rate moved
   * by more than {@value #BITRATE_TOLERANCE_PERCENT}% (whole-ingest averages drift by a few bits every second).
   */
  static boolean differ(VideoConfiguration stored, VideoConfiguration now) {
    if (stored == null || now == null) {
      return stored != now;
    }
    return bitrateMoved(stored.targetBitrate(), now.targetBitrate())
        || !stored.equals(new VideoConfiguration(now.avcProfile(), now.avcLevel(), now.codec(), now.encoder(),
            stored.targetBitrate(), now.targetFramerate(), now.videoHeight(), now.videoWidth(), now.level(),
            now.track(), now.profile()));
  }

  static boolean differ(AudioConfiguration stored, AudioConfiguration now) {
    if (stored == null || now == null) {
      return stored != now;
    }
    return bitrateMoved(stored.targetBitrate(), now.targetBitrate())
        || !stored.equals(new AudioConfiguration(now.codec(), stored.targetBitrate(), now.sampleRate(),
            now.channels(), now.track()));
  }

  static final int BITRATE_TOLERANCE_PERCENT = 1;

  private static boolean bitrateMoved(Long stored, Long now) {
    if (stored == null || now == null) {
      return stored != now;
    }
    return Math.abs(now - stored) * 100 > stored * BITRATE_TOLERANCE_PERCENT;
  }

  /** H.264 profile_idc to the name IVS reports ("Baseline", "Main", "High" ...). */
  static String avcProfileName(int profileIdc) {
    return switch (profileIdc) {
      case 66 -> "Baseline";
      case 77 -> "Main";
      case 88 -> "Extended";
      case 100 -> "High";
      case 110 -> "High 10";
      case 122 -> "High 4:2:2";
      case 244 -> "High 4:4:4";
      default -> profileIdc == 0 ? null : "Profile " + profileIdc;
    };
  }

  /** level_idc 31 → "3.1", 40 → "4.0" (IVS's example shows "4.2" for level_idc 42). */
  static String avcLevelName(int levelIdc) {
    if (levelIdc <= 0) {
      return null;
    }
    return String.format(Locale.ROOT, "%d.%d", levelIdc / 10, levelIdc % 10);
  }
}
