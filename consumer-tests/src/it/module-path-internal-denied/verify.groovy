// The build failed (invoker.properties); check it failed for the right reason: javac, on the module
// path, refusing exactly the two imports of packages dev.amapi.ops.rest does not export to it.
def log = new File(basedir, 'build.log').text
assert log.contains('COMPILATION ERROR') : "the build did not fail compiling"
assert log.contains('package dev.amapi.ops.rest.internal is not visible') : "rest.internal was visible"
assert log.contains('package dev.amapi.ops.rest.internal is declared in module dev.amapi.ops.rest, which does not export it') :
    "no 'does not export' for rest.internal"
assert log.contains('package dev.amapi.ops.rest.spi is not visible') : "rest.spi was visible"
assert log.contains('package dev.amapi.ops.rest.spi is declared in module dev.amapi.ops.rest, which does not export it to module com.example.sneaky') :
    "no 'does not export it to module com.example.sneaky' for rest.spi"
// Nothing else went wrong: only the two import lines are reported, one error each.
def errors = log.readLines().findAll { it.startsWith('[ERROR] /') && it.contains('Sneaky.java') }.unique()
assert errors.size() == 2 : "expected the two import errors only, got:\n${errors.join('\n')}"
assert errors.every { it.contains('is not visible') } : "another error than visibility:\n${errors.join('\n')}"
true
