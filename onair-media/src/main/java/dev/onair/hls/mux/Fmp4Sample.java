package dev.onair.hls.mux;

/**
 * One sample of a fragment, in its track's timescale.
 *
 * @param decodeTime decode timestamp in track timescale units
 * @param duration duration in track timescale units
 * @param compositionOffset PTS minus DTS in track timescale units (signed; trun version 1)
 * @param sync whether this is a sync sample (IDR for video; every AAC frame is one)
 * @param data the sample bytes as stored in mdat (AVCC for video, raw AAC for audio)
 */
public record Fmp4Sample(long decodeTime, int duration, int compositionOffset, boolean sync, byte[] data) {}
