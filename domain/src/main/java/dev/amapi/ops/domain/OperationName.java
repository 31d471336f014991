package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

/**
 * The name of a device's long-running operation, {@code
 * enterprises/{enterprise}/devices/{device}/operations/{operation}}: what cancel and get take.
 *
 * <p>Immutable and validated on construction with the rules of {@link DeviceName}; {@code
 * parse(name.toString()).equals(name)} always holds.
 *
 * @param device the device the operation runs on (the parent used by list)
 * @param operationId the operation's ID; real ones are numeric, such as {@code 1786048723669}
 */
public record OperationName(DeviceName device, String operationId) {
  private static final String[] COLLECTIONS = {"enterprises", "devices", "operations"};
  private static final String[] ID_NAMES = {"enterprise", "device", "operation"};

  /**
   * Validates the operation ID.
   *
   * @throws IllegalArgumentException naming the rule the ID broke
   */
  public OperationName {
    requireNonNull(device, "device");
    ResourceIds.requireValid("operation", requireNonNull(operationId, "operationId"));
  }

  /**
   * Returns the operation name made of these IDs.
   *
   * @throws IllegalArgumentException naming the ID and the rule it broke
   */
  public static OperationName of(String enterpriseId, String deviceId, String operationId) {
    return new OperationName(new DeviceName(enterpriseId, deviceId), operationId);
  }

  /**
   * Parses {@code enterprises/{enterprise}/devices/{device}/operations/{operation}}.
   *
   * @throws IllegalArgumentException quoting {@code name} and naming the rule it broke; never
   *     returns null
   */
  public static OperationName parse(String name) {
    String[] ids =
        ResourceNames.parse("operation name", requireNonNull(name, "name"), COLLECTIONS, ID_NAMES);
    return of(ids[0], ids[1], ids[2]);
  }

  /** Returns the enterprise's ID. */
  public String enterpriseId() {
    return device.enterpriseId();
  }

  /** Returns the device's ID. */
  public String deviceId() {
    return device.deviceId();
  }

  /** Returns the canonical name. */
  @Override
  public String toString() {
    return device + "/operations/" + operationId;
  }
}
