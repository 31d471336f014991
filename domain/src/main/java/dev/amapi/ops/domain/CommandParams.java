package dev.amapi.ops.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The typed parameters of a device command, one kind per {@link CommandType} that takes any. A
 * {@link Command} holds at most one, and only of its own type: {@link Command.Builder#build()}
 * refuses a {@link ResetPassword} on a {@code REBOOT}, say.
 *
 * <p>Enumerated values (flags, activation states, device info kinds) are kept as the API's names,
 * so that a value from a newer API revision is sent and read back as it is.
 */
public sealed interface CommandParams
    permits CommandParams.ResetPassword,
        CommandParams.ClearAppsData,
        CommandParams.StartLostMode,
        CommandParams.StopLostMode,
        CommandParams.AddEsim,
        CommandParams.RemoveEsim,
        CommandParams.RequestDeviceInfo,
        CommandParams.Wipe {

  /**
   * Returns the command type these parameters belong to.
   *
   * @return the only type of command that may carry them
   */
  CommandType type();

  /**
   * {@code RESET_PASSWORD}'s {@code newPassword} and {@code resetPasswordFlags}. The password never
   * appears in {@link #toString()}.
   *
   * @param newPassword the new password; empty clears the password
   * @param flags the API's {@code resetPasswordFlags}, such as {@code LOCK_NOW}
   */
  record ResetPassword(String newPassword, List<String> flags) implements CommandParams {
    /**
     * Checks and copies the values.
     *
     * @param newPassword the new password; empty clears the password
     * @param flags the API's {@code resetPasswordFlags}
     * @throws IllegalArgumentException if a flag is empty
     */
    public ResetPassword {
      requireNonNull(newPassword, "newPassword");
      flags = names(flags, "resetPasswordFlags");
    }

    @Override
    public CommandType type() {
      return CommandType.RESET_PASSWORD;
    }

    @Override
    public String toString() {
      return "ResetPassword{newPassword="
          + (newPassword.isEmpty() ? "<empty>" : "<hidden>")
          + ", flags="
          + flags
          + '}';
    }
  }

  /**
   * {@code CLEAR_APP_DATA}'s {@code clearAppsDataParams}.
   *
   * @param packageNames the apps whose data is cleared; at least one
   */
  record ClearAppsData(List<String> packageNames) implements CommandParams {
    /**
     * Checks and copies the package names.
     *
     * @param packageNames the apps whose data is cleared
     * @throws IllegalArgumentException if there is none, or one is empty
     */
    public ClearAppsData {
      packageNames = names(packageNames, "packageNames");
      if (packageNames.isEmpty()) {
        throw new IllegalArgumentException(
            "CLEAR_APP_DATA needs at least one package name in clearAppsDataParams.packageNames");
      }
    }

    @Override
    public CommandType type() {
      return CommandType.CLEAR_APP_DATA;
    }
  }

  /**
   * {@code START_LOST_MODE}'s {@code startLostModeParams}; every part may be absent.
   *
   * @param lostMessage the message shown on the locked device
   * @param lostPhoneNumber the phone number to call, shown on the device
   * @param lostEmailAddress the email address to write to; empty for none
   * @param lostStreetAddress the street address to return the device to
   * @param lostOrganization the organization name shown on the device
   */
  record StartLostMode(
      @Nullable UserFacingMessage lostMessage,
      @Nullable UserFacingMessage lostPhoneNumber,
      String lostEmailAddress,
      @Nullable UserFacingMessage lostStreetAddress,
      @Nullable UserFacingMessage lostOrganization)
      implements CommandParams {
    /**
     * Rejects a null email address.
     *
     * @param lostMessage the message shown on the locked device
     * @param lostPhoneNumber the phone number to call
     * @param lostEmailAddress the email address; empty for none
     * @param lostStreetAddress the street address
     * @param lostOrganization the organization name
     */
    public StartLostMode {
      requireNonNull(lostEmailAddress, "lostEmailAddress");
    }

    @Override
    public CommandType type() {
      return CommandType.START_LOST_MODE;
    }
  }

  /** {@code STOP_LOST_MODE}'s {@code stopLostModeParams}, which has no field. */
  record StopLostMode() implements CommandParams {
    @Override
    public CommandType type() {
      return CommandType.STOP_LOST_MODE;
    }
  }

  /**
   * {@code ADD_ESIM}'s {@code addEsimParams}.
   *
   * @param activationCode the eSIM profile's activation code
   * @param activationState the API's {@code activationState}, such as {@code ACTIVATED}; empty to
   *     leave it to the server
   */
  record AddEsim(String activationCode, String activationState) implements CommandParams {
    /**
     * Checks the activation code is there.
     *
     * @param activationCode the eSIM profile's activation code
     * @param activationState the API's {@code activationState}; empty for none
     * @throws IllegalArgumentException if the activation code is empty
     */
    public AddEsim {
      requireNonNull(activationCode, "activationCode");
      requireNonNull(activationState, "activationState");
      if (activationCode.isEmpty()) {
        throw new IllegalArgumentException("ADD_ESIM needs addEsimParams.activationCode");
      }
    }

    @Override
    public CommandType type() {
      return CommandType.ADD_ESIM;
    }

    @Override
    public String toString() {
      // An activation code is a credential for the carrier's profile.
      return "AddEsim{activationCode=<hidden>, activationState=" + activationState + '}';
    }
  }

  /**
   * {@code REMOVE_ESIM}'s {@code removeEsimParams}.
   *
   * @param iccId the ICC ID of the eSIM profile to remove
   */
  record RemoveEsim(String iccId) implements CommandParams {
    /**
     * Checks the ICC ID is there.
     *
     * @param iccId the ICC ID of the eSIM profile to remove
     * @throws IllegalArgumentException if it is empty
     */
    public RemoveEsim {
      requireNonNull(iccId, "iccId");
      if (iccId.isEmpty()) {
        throw new IllegalArgumentException("REMOVE_ESIM needs removeEsimParams.iccId");
      }
    }

    @Override
    public CommandType type() {
      return CommandType.REMOVE_ESIM;
    }
  }

  /**
   * {@code REQUEST_DEVICE_INFO}'s {@code requestDeviceInfoParams}.
   *
   * @param deviceInfo the API's {@code deviceInfo}, such as {@code EID}
   */
  record RequestDeviceInfo(String deviceInfo) implements CommandParams {
    /**
     * Checks the kind of information is named.
     *
     * @param deviceInfo the API's {@code deviceInfo}
     * @throws IllegalArgumentException if it is empty
     */
    public RequestDeviceInfo {
      requireNonNull(deviceInfo, "deviceInfo");
      if (deviceInfo.isEmpty()) {
        throw new IllegalArgumentException(
            "REQUEST_DEVICE_INFO needs requestDeviceInfoParams.deviceInfo, such as EID");
      }
    }

    @Override
    public CommandType type() {
      return CommandType.REQUEST_DEVICE_INFO;
    }
  }

  /**
   * {@code WIPE}'s {@code wipeParams}.
   *
   * @param wipeDataFlags the API's {@code wipeDataFlags}, such as {@code WIPE_EXTERNAL_STORAGE}
   * @param wipeReason the reason shown to the user; null for none
   */
  record Wipe(List<String> wipeDataFlags, @Nullable UserFacingMessage wipeReason)
      implements CommandParams {
    /**
     * Checks and copies the flags.
     *
     * @param wipeDataFlags the API's {@code wipeDataFlags}
     * @param wipeReason the reason shown to the user; null for none
     * @throws IllegalArgumentException if a flag is empty
     */
    public Wipe {
      wipeDataFlags = names(wipeDataFlags, "wipeDataFlags");
    }

    @Override
    public CommandType type() {
      return CommandType.WIPE;
    }
  }

  private static List<String> names(List<String> names, String what) {
    requireNonNull(names, what);
    List<String> copy = List.copyOf(names);
    for (String name : copy) {
      if (name.isEmpty()) {
        throw new IllegalArgumentException(what + " holds an empty value");
      }
    }
    return copy;
  }
}
