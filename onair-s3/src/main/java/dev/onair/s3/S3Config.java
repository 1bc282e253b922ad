package dev.onair.s3;

import java.util.List;

/**
 * S3 settings from the composition root.
 *
 * @param hostSuffixes host names under which {@code <bucket>.<suffix>} is virtual-host style, e.g. {@code
 *     s3.localhost} and the public host; compared case-insensitively, ports ignored
 * @param minimumPartSize the smallest size of every part but the last in CompleteMultipartUpload (S3: 5 MiB)
 */
public record S3Config(List<String> hostSuffixes, long minimumPartSize) {
  public static final long AWS_MINIMUM_PART_SIZE = 5L * 1024 * 1024;

  public S3Config {
    hostSuffixes = List.copyOf(hostSuffixes);
    if (minimumPartSize < 0) {
      throw new IllegalArgumentException("minimumPartSize must not be negative");
    }
  }

  public static S3Config of(List<String> hostSuffixes) {
    return new S3Config(hostSuffixes, AWS_MINIMUM_PART_SIZE);
  }
}
