package com.example.sneaky;

import dev.amapi.ops.rest.internal.RequestUris;
import dev.amapi.ops.rest.spi.HttpTransport;

/** Uses a class of rest's internal package (refused) and one of its exported transport SPI. */
public final class Sneaky {
  private Sneaky() {}

  public static String escaped(String id) {
    return RequestUris.escape(id);
  }

  public static Class<?> transportType() {
    return HttpTransport.class;
  }
}
