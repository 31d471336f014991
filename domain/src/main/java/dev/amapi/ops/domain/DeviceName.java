package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

/**
 * The name of a managed device, {@code enterprises/{enterprise}/devices/{device}}: the parent under
 * which a device's operations are listed.
 *
 * <p>Immutable and validated on construction: no ID may be empty, longer than 256 characters,
 * contain {@code ..}, {@code / ? # % \}, whitespace or control characters. So a valid name can
 * never make a request reach another path or host.
 *
 * @param enterpriseId the enterprise's ID, such as {@code LC03k6enk8}
 * @param deviceId the device's ID, such as {@code 36c339908766f292}
 */
public record DeviceName(String enterpriseId, String deviceId) {
  private static final String[] COLLECTIONS = {"enterprises", "devices"};
  private static final String[] ID_NAMES = {"enterprise", "device"};

  /**
   * Validates both IDs.
   *
   * @param enterpriseId the enterprise's ID
   * @param deviceId the device's ID
   * @throws IllegalArgumentException naming the ID and the rule it broke
   */
  public DeviceName {
    ResourceIds.requireValid("enterprise", requireNonNull(enterpriseId, "enterpriseId"));
    ResourceIds.requireValid("device", requireNonNull(deviceId, "deviceId"));
  }

  /**
   * Returns the device name made of these IDs.
   *
   * @param enterpriseId the enterprise's ID
   * @param deviceId the device's ID
   * @return the validated name
   * @throws IllegalArgumentException naming the ID and the rule it broke
   */
  public static DeviceName of(String enterpriseId, String deviceId) {
    return new DeviceName(enterpriseId, deviceId);
  }

  /**
   * Parses {@code enterprises/{enterprise}/devices/{device}}.
   *
   * @param name the full resource name
   * @return the validated name; never null
   * @throws IllegalArgumentException quoting {@code name} and naming the rule it broke
   */
  public static DeviceName parse(String name) {
    String[] ids =
        ResourceNames.parse("device name", requireNonNull(name, "name"), COLLECTIONS, ID_NAMES);
    return new DeviceName(ids[0], ids[1]);
  }

  /**
   * Returns the name of operation {@code operationId} on this device.
   *
   * @param operationId the operation's ID
   * @return the validated operation name
   * @throws IllegalArgumentException naming the rule the ID broke
   */
  public OperationName operation(String operationId) {
    return new OperationName(this, operationId);
  }

  /**
   * Returns the canonical name.
   *
   * @return {@code enterprises/{enterprise}/devices/{device}}
   */
  @Override
  public String toString() {
    return "enterprises/" + enterpriseId + "/devices/" + deviceId;
  }
}
