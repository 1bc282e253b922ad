package dev.onair.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;

/** The two Jackson factories; thread-safe and costly enough to share. */
public final class Documents {
  public static final JsonFactory JSON = new JsonFactory();
  public static final CBORFactory CBOR = new CBORFactory();

  private Documents() {}
}
