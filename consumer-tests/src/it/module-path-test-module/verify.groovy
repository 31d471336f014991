// Fails the consumer project unless each test class ran, with no test failing or skipped. The tests
// check they ran in named modules; here, that Surefire put JUnit and testkit-junit5 on the module path.
def reports = new File(basedir, 'target/surefire-reports')
['JdkTransportContractTest', 'RebootCancellerTest'].each { name ->
  def report = new File(reports, "TEST-com.example.modular.test.${name}.xml")
  assert report.isFile() : "${name} did not run"
  def suite = new groovy.xml.XmlSlurper().parse(report)
  assert (suite.@tests.toInteger()) > 1 : "${name} ran ${suite.@tests} tests"
  assert suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0 : "${name} failed"
  assert suite.@skipped.toInteger() == 0 : "${name} skipped a test"
  def modulePath = suite.properties.property.find { it.@name == 'jdk.module.path' }.@value.toString()
  ['amapi-ops-testkit-junit5', 'junit-jupiter-api', 'junit-platform-commons'].each { jar ->
    assert modulePath.contains(jar) : "${jar} is not on the module path: ${modulePath}"
  }
}
true
