// The build failed (invoker.properties); check it failed for the right reason: javac, on the module
// path, refusing exactly the import of the package dev.amapi.ops.rest does not export.
def log = new File(basedir, 'build.log').text
assert log.contains('COMPILATION ERROR') : "the build did not fail compiling"
assert log.contains('package dev.amapi.ops.rest.internal is not visible') : "rest.internal was visible"
assert log.contains('package dev.amapi.ops.rest.internal is declared in module dev.amapi.ops.rest, which does not export it') :
    "no 'does not export' for rest.internal"
// Nothing else went wrong: only the internal import is reported; the exported SPI beside it compiles.
def errors = log.readLines().findAll { it.startsWith('[ERROR] /') && it.contains('Sneaky.java') }.unique()
assert errors.size() == 1 : "expected the one import error only, got:\n${errors.join('\n')}"
assert errors.every { it.contains('is not visible') && it.contains('rest.internal') } : "another error than visibility:\n${errors.join('\n')}"
true
