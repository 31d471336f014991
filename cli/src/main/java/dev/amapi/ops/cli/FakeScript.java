package dev.amapi.ops.cli;

import dev.amapi.ops.domain.Code;
import dev.amapi.ops.domain.Status;
import dev.amapi.ops.testkit.OnCancel;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** What the {@code --fake} server does when asked to cancel, to show every outcome on demand. */
enum FakeScript {
  /** The API's usual answer: the operation ends cancelled at once. */
  CANCEL("default"),
  /** The server cannot cancel: {@code UNIMPLEMENTED}. */
  UNIMPLEMENTED("unimplemented"),
  /** The device finished the command first. */
  COMPLETE_ANYWAY("complete-anyway"),
  /** The command failed on the device before the cancel arrived. */
  FAIL("fail"),
  /** The cancel takes effect a few reads later, as on the real, asynchronous server. */
  SLOW_CANCEL("slow-cancel"),
  /** The cancel never takes effect: the operation stays pending. */
  NEVER("never"),
  /** Cancelling an operation already done answers {@code FAILED_PRECONDITION}. */
  REJECT_DONE("reject-done");

  private final String label;

  FakeScript(String label) {
    this.label = label;
  }

  /** Returns the testkit script for this behaviour. */
  OnCancel onCancel() {
    return switch (this) {
      case CANCEL -> OnCancel.succeeds();
      case UNIMPLEMENTED -> OnCancel.unimplemented();
      case COMPLETE_ANYWAY -> OnCancel.completesAnyway();
      case FAIL ->
          OnCancel.failsWith(
              Status.of(Code.INTERNAL, "The device reported an error while running the command."));
      case SLOW_CANCEL -> OnCancel.takesEffectAfterGets(3);
      case NEVER -> OnCancel.takesEffectAfterGets(Integer.MAX_VALUE);
      case REJECT_DONE -> OnCancel.rejectedWhenDone();
    };
  }

  @Override
  public String toString() {
    return label;
  }

  static String labels() {
    return Arrays.stream(values()).map(FakeScript::toString).collect(Collectors.joining("|"));
  }

  /** Reads a script by its label. */
  static final class Converter implements ITypeConverter<FakeScript> {
    @Override
    public FakeScript convert(String value) {
      for (FakeScript script : values()) {
        if (script.label.equals(value)) {
          return script;
        }
      }
      throw new TypeConversionException(
          "'" + value + "' is not a fake script: use one of " + labels());
    }
  }
}
