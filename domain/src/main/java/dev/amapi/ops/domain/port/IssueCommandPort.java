package dev.amapi.ops.domain.port;

import dev.amapi.ops.domain.AmapiException;
import dev.amapi.ops.domain.Command;
import dev.amapi.ops.domain.DeviceName;
import dev.amapi.ops.domain.Operation;
import java.util.concurrent.CompletableFuture;

/**
 * Issues a command to a device ({@code enterprises.devices.issueCommand}): the start of the
 * long-running operation the other ports read and cancel.
 *
 * <p>The command was validated when it was built ({@link Command.Builder#build()}); what only the
 * server knows (a device that does not exist, a password that breaks the policy) comes back as an
 * {@link AmapiException}. Implementations are thread-safe.
 */
public interface IssueCommandPort {

  /**
   * Issues the command and waits for the server's answer: over REST, {@code POST
   * v1/{device}:issueCommand} with the command as the JSON body. Retried as the client's retry
   * policy says, as every call is: a retry after an answer that was lost can issue the command
   * twice.
   *
   * @param device the device the command is for
   * @param command the command: its type and parameters, and its {@code duration} if set
   * @return the new operation, normally pending, with the command as its metadata
   * @throws AmapiException with what the server said ({@code INVALID_ARGUMENT} for a command it
   *     refuses, {@code NOT_FOUND}, {@code PERMISSION_DENIED}, ...), or {@code UNAVAILABLE}/{@code
   *     DEADLINE_EXCEEDED} when no answer came
   */
  Operation issueCommand(DeviceName device, Command command);

  /**
   * Issues the command without blocking the caller.
   *
   * @param device the device the command is for
   * @param command the command
   * @return a future of the new operation, or completed exceptionally with an {@link
   *     AmapiException} as {@link #issueCommand(DeviceName, Command)} would throw
   */
  CompletableFuture<Operation> issueCommandAsync(DeviceName device, Command command);
}
