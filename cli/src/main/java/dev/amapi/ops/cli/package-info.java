/**
 * The {@code amapi-ops} command-line tool: cancel, get and list a device's long-running operations
 * over either transport, or against the testkit's fake server with {@code --fake}.
 */
@NullMarked
package dev.amapi.ops.cli;

import org.jspecify.annotations.NullMarked;
