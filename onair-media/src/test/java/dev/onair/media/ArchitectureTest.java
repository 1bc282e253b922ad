package dev.onair.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Enforces the module boundary from the design guide: engines stay pure. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src", "main", "java");

  private static List<Path> offenders(String importPrefix, String allowedPackageDir) throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> allowedPackageDir == null || !p.startsWith(MAIN.resolve(allowedPackageDir)))
          .filter(p -> {
            try {
              return Files.readAllLines(p).stream().anyMatch(l -> l.startsWith("import " + importPrefix));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .collect(Collectors.toList());
    }
  }

  @Test
  void onlyRtmpNettyPackage_importsNetty() throws IOException {
    // dev.onair.netty (IoTransport: which Netty transport the listeners use) is Netty glue too, and nothing else.
    assertThat(offenders("io.netty", "dev/onair/rtmp/netty"))
        .allSatisfy(p -> assertThat(p).startsWith(MAIN.resolve("dev/onair/netty")));
  }

  @Test
  void noHttpOrDatabase_anywhere() throws IOException {
    assertThat(offenders("java.sql", null)).isEmpty();
    assertThat(offenders("java.net.http", null)).isEmpty();
    assertThat(offenders("io.netty.handler.codec.http", null)).isEmpty();
  }

  @Test
  void hlsPackages_doNotDependOnRtmpWire() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN.resolve("dev/onair/hls"))) {
      List<Path> bad = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
        try {
          String text = Files.readString(p);
          return text.contains("import dev.onair.rtmp.chunk") || text.contains("import dev.onair.rtmp.message")
              || text.contains("import dev.onair.rtmp.netty") || text.contains("import dev.onair.rtmp.amf");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).collect(Collectors.toList());
      assertThat(bad).isEmpty();
    }
  }
}
