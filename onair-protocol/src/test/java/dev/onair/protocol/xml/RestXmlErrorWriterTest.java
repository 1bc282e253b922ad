package dev.onair.protocol.xml;

import static dev.onair.protocol.TestServices.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.TestServices;
import dev.onair.protocol.error.AwsServiceException;
import dev.onair.protocol.error.ErrorCode;
import dev.onair.protocol.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestXmlErrorWriterTest {
  @Test
  void write_extrasBetweenMessageAndRequestId() {
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("BucketName", "b<1>");
    extra.put("Key", "k");
    HttpResponse response =
        new RestXmlErrorWriter()
            .write(
                TestServices.query(),
                new AwsServiceException(ErrorCode.of("NoSuchKey", 404), "The specified key does not exist.", extra),
                "rid");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.headers().get("Content-Type")).isEqualTo("application/xml");
    assertThat(text(response.body()))
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
                + "<Message>The specified key does not exist.</Message><BucketName>b&lt;1&gt;</BucketName><Key>k</Key>"
                + "<RequestId>rid</RequestId><HostId>rid</HostId></Error>");
  }
}
