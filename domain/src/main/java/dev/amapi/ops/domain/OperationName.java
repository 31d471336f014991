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
   * @param device the device the operation runs on
   * @param operationId the operation's ID
   * @throws IllegalArgumentException naming the rule the ID broke
   */
  public OperationName {
    requireNonNull(device, "device");
    ResourceIds.requireValid("operation", requireNonNull(operationId, "operationId"));
  }

  /**
   * Returns the operation name made of these IDs.
   *
   * @param enterpriseId the enterprise's ID
   * @param deviceId the device's ID
   * @param operationId the operation's ID
   * @return the validated name
   * @throws IllegalArgumentException naming the ID and the rule it broke
   */
  public static OperationName of(String enterpriseId, String deviceId, String operationId) {
    return new OperationName(new DeviceName(enterpriseId, deviceId), operationId);
  }

  /**
   * Parses {@code enterprises/{enterprise}/devices/{device}/operations/{operation}}.
   *
   * @param name the full resource name, as the API returns it in an operation's {@code name}
   * @return the validated name; never null
   * @throws IllegalArgumentException quoting {@code name} and naming the rule it broke
   */
  public static OperationName parse(String name) {
    String[] ids =
        ResourceNames.parse("operation name", requireNonNull(name, "name"), COLLECTIONS, ID_NAMES);
    return of(ids[0], ids[1], ids[2]);
  }

  /**
   * Returns the enterprise's ID.
   *
   * @return the ID alone, such as {@code LC03k6enk8}, not {@code enterprises/LC03k6enk8}
   */
  public String enterpriseId() {
    return device.enterpriseId();
  }

  /**
   * Returns the device's ID.
   *
   * @return the ID alone, not the device's resource name
   */
  public String deviceId() {
    return device.deviceId();
  }

  /**
   * Returns the canonical name.
   *
   * @return {@code enterprises/{enterprise}/devices/{device}/operations/{operation}}
   */
  @Override
  public String toString() {
    return device + "/operations/" + operationId;
  }
}
