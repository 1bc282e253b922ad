package dev.onair.ivs.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

public record RenditionConfiguration(String renditionSelection, List<String> renditions) {
  public static final RenditionConfiguration DEFAULT = new RenditionConfiguration("ALL", List.of());

  public RenditionConfiguration {
    requireNonNull(renditionSelection, "renditionSelection is null");
    renditions = List.copyOf(renditions);
  }
}
