// Fails the consumer project unless its test class ran all its tests, with none failing or skipped.
// The tests themselves check that they ran in a named module, on the module path.
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.modular.RebootCancellerTest.xml')
assert report.isFile() : "RebootCancellerTest did not run"
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.toInteger() == 4 : "RebootCancellerTest ran ${suite.@tests} tests, not 4"
assert suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0 : "RebootCancellerTest failed"
assert suite.@skipped.toInteger() == 0 : "RebootCancellerTest skipped a test"
def modulePath = suite.properties.property.find { it.@name == 'jdk.module.path' }.@value.toString()
assert modulePath.contains('amapi-ops-transport-jdk') : "amapi-ops-transport-jdk is not on the module path: ${modulePath}"
true
