/**
 * The Android Management API's long-running operations as plain Java values, the ports and the use
 * cases built on them. Needs the JDK only. Every package is API: the values, the ports and the use
 * cases.
 */
module dev.amapi.ops.domain {
  requires static org.jspecify;

  exports dev.amapi.ops.domain;
  exports dev.amapi.ops.domain.port;
  exports dev.amapi.ops.domain.usecase;
}
