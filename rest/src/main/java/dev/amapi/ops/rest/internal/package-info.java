/** Implementation details of the REST binding; not for use outside this module. */
@NullMarked
package dev.amapi.ops.rest.internal;

import org.jspecify.annotations.NullMarked;
