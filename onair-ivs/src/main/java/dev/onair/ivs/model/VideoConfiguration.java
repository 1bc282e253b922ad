package dev.onair.ivs.model;

/** The ingested video of one track, as the encoder announced it. Any member may be unknown (null). */
public record VideoConfiguration(
    String avcProfile,
    String avcLevel,
    String codec,
    String encoder,
    Long targetBitrate,
    Long targetFramerate,
    Long videoHeight,
    Long videoWidth,
    String level,
    String track,
    String profile) {}
