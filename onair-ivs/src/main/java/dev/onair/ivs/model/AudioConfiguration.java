package dev.onair.ivs.model;

/** The ingested audio of one track. Any member may be unknown (null). */
public record AudioConfiguration(String codec, Long targetBitrate, Long sampleRate, Long channels, String track) {}
