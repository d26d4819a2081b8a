// Modeler's generated ids (Activity_0abc123, Gateway_1x, Flow_…, Event_…, StartEvent_1, Process_1) and Signavio's
// sid-… say nothing in Cockpit, logs and tests: every element gets a name-like id.
const GENERATED = [ /^[A-Z][A-Za-z]*_[0-9a-z]{1,7}$/, /^sid-/i, /^id_?[0-9a-f-]+$/i ];

module.exports = function() {
  function check(node, reporter) {
    if (!node.$instanceOf || !node.$instanceOf('bpmn:BaseElement') || !node.id) {
      return;
    }
    if (GENERATED.some(pattern => pattern.test(node.id))) {
      reporter.report(node.id, `Id <${node.id}> is a modeler default: give it a meaningful id (e.g. fetchCertificate)`);
    }
  }
  return { check };
};
