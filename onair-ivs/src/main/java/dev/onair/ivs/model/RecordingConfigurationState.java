package dev.onair.ivs.model;

public enum RecordingConfigurationState {
  CREATING,
  CREATE_FAILED,
  ACTIVE
}
