package dev.amapi.ops.cli;

import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.OperationName;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses resource names while the command line is read, so a bad name fails before any I/O. */
final class NameConverters {
  private NameConverters() {}

  /** Reads {@code enterprises/E/devices/D/operations/O}. */
  static final class Operation implements ITypeConverter<OperationName> {
    @Override
    public OperationName convert(String value) {
      try {
        return OperationName.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Reads {@code enterprises/E/devices/D}. */
  static final class Device implements ITypeConverter<DeviceName> {
    @Override
    public DeviceName convert(String value) {
      try {
        return DeviceName.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
