package dev.onair.s3.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.s3.ETags;
import dev.onair.s3.model.ByteRange;
import dev.onair.s3.model.MultipartUpload;
import dev.onair.s3.model.ObjectAttributes;
import dev.onair.s3.model.ObjectMetadata;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemBlobStoreTest {
  @TempDir Path dataDir;
  private FilesystemBlobStore store;

  @BeforeEach
  void setUp() {
    store = new FilesystemBlobStore(dataDir.resolve("s3"), Clock.systemUTC());
    store.createBucket("b");
  }

  private static ByteArrayInputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void put_storesBytesMetadataAndMd5Etag() {
    ObjectAttributes attributes =
        new ObjectAttributes("text/plain", Map.of("color", "blue"), Map.of("Cache-Control", "no-cache"), Map.of());
    ObjectMetadata put = store.put("b", "dir/hello.txt", bytes("hello"), attributes);
    assertThat(put.etag()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
    assertThat(put.size()).isEqualTo(5);

    var content = store.get("b", "dir/hello.txt", null).orElseThrow();
    assertThat(new String(content.bytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(content.metadata().attributes()).isEqualTo(attributes);
    assertThat(store.get("b", "dir/hello.txt", new ByteRange(1, 3)).orElseThrow().bytes())
        .isEqualTo("ell".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void put_overwritesAtomicallyAndLeavesNoTempFiles() throws Exception {
    store.put("b", "k", bytes("one"), ObjectAttributes.EMPTY);
    store.put("b", "k", bytes("two!"), ObjectAttributes.EMPTY);
    assertThat(store.head("b", "k").orElseThrow().size()).isEqualTo(4);
    try (Stream<Path> temps = Files.list(dataDir.resolve("s3/tmp"))) {
      assertThat(temps).isEmpty();
    }
  }

  @Test
  void keys_sortedAndPrefixFiltered_fileAndDirectoryWithSameNameCoexist() {
    for (String key : List.of("a", "a/b", "a/c/d", "a-b", "b", "a/", "..", "x//y")) {
      store.put("b", key, bytes(key), ObjectAttributes.EMPTY);
    }
    assertThat(store.keys("b", "")).containsExactly("..", "a", "a-b", "a/", "a/b", "a/c/d", "b", "x//y");
    assertThat(store.keys("b", "a/")).containsExactly("a/", "a/b", "a/c/d");
    assertThat(store.keys("b", "a/c")).containsExactly("a/c/d");
    assertThat(store.keys("b", "zzz")).isEmpty();
  }

  @Test
  void delete_prunesEmptyDirectories() {
    store.put("b", "deep/er/key", bytes("x"), ObjectAttributes.EMPTY);
    assertThat(store.delete("b", "deep/er/key")).isTrue();
    assertThat(store.delete("b", "deep/er/key")).isFalse();
    assertThat(store.hasObjects("b")).isFalse();
    assertThat(dataDir.resolve("s3/buckets/b/objects/ddeep")).doesNotExist();
  }

  @Test
  void multipart_assemblesPartsInGivenOrder() {
    MultipartUpload upload = store.createUpload("b", "big", ObjectAttributes.ofContentType("video/mp2t"));
    store.putPart("b", upload.uploadId(), 2, bytes("world"));
    store.putPart("b", upload.uploadId(), 1, bytes("hello "));
    store.putPart("b", upload.uploadId(), 3, bytes("unused"));
    assertThat(store.parts("b", upload.uploadId())).extracting(p -> p.partNumber()).containsExactly(1, 2, 3);
    assertThat(store.uploads("b")).extracting(MultipartUpload::key).containsExactly("big");

    String etag = ETags.multipart(List.of(ETags.md5Hex("hello ".getBytes(StandardCharsets.UTF_8)),
        ETags.md5Hex("world".getBytes(StandardCharsets.UTF_8))));
    ObjectMetadata done = store.completeUpload("b", upload.uploadId(), List.of(1, 2), etag);
    assertThat(done.etag()).isEqualTo(etag).endsWith("-2");
    assertThat(done.partsCount()).isEqualTo(2);
    var content = store.get("b", "big", null).orElseThrow();
    assertThat(new String(content.bytes(), StandardCharsets.UTF_8)).isEqualTo("hello world");
    assertThat(content.metadata().attributes().contentType()).isEqualTo("video/mp2t");
    assertThat(store.upload("b", upload.uploadId())).isEmpty();
  }

  @Test
  void upload_rejectsIdsThatAreNotOurs() {
    assertThat(store.upload("b", "../../etc")).isEmpty();
    assertThat(store.upload("b", "nope")).isEmpty();
  }

  @Test
  void copy_recomputesEtagWithNewAttributes() {
    store.put("b", "src", bytes("data"), ObjectAttributes.ofContentType("a/b"));
    ObjectMetadata copy = store.copy("b", "src", "b", "dst", ObjectAttributes.ofContentType("c/d")).orElseThrow();
    assertThat(copy.etag()).isEqualTo(ETags.md5Hex("data".getBytes(StandardCharsets.UTF_8)));
    assertThat(store.head("b", "dst").orElseThrow().attributes().contentType()).isEqualTo("c/d");
    assertThat(store.copy("b", "missing", "b", "x", ObjectAttributes.EMPTY)).isEmpty();
  }
}
