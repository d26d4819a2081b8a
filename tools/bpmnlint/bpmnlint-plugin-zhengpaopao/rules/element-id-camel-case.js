// Tasks, events, gateways, sub-processes and flows: camelCase ids (fetchCertificate, certificateIssued), as the
// Java code and the tests name them.
module.exports = function() {
  function check(node, reporter) {
    if (!node.$instanceOf || !node.$instanceOf('bpmn:FlowElement') || !node.id) {
      return;
    }
    if (!/^[a-z][a-zA-Z0-9]*$/.test(node.id)) {
      reporter.report(node.id, `Id <${node.id}> must be camelCase (e.g. fetchCertificate)`);
    }
  }
  return { check };
};
