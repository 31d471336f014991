/**
 * The driven ports: what the SDK needs from the outside world (the API, a token source). Every
 * transport and the testkit's fakes implement them; user code depends on them only.
 */
@NullMarked
package dev.amapi.ops.domain.port;

import org.jspecify.annotations.NullMarked;
