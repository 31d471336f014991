// Fails the consumer project unless each of its test classes ran, and ran at least one test.
def reports = new File(basedir, 'target/surefire-reports')
['RebootCancellerTest', 'CallMetricsTest'].each { name ->
  def report = new File(reports, "TEST-com.example.fleet.${name}.xml")
  assert report.isFile() : "${name} did not run"
  def suite = new groovy.xml.XmlSlurper().parse(report)
  assert (suite.@tests.toInteger()) > 0 : "${name} ran no test"
  assert suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0 : "${name} failed"
}
true
