// Users read the names in Tasklist, Cockpit and the pictures: tasks, events, sub-processes and deciding gateways
// (more than one way out) carry a Chinese name; any other name given (flows, joining gateways) is Chinese too.
const CJK = /[\u3400-\u9fff]/;

module.exports = function() {
  function check(node, reporter) {
    if (!node.$instanceOf || !node.$instanceOf('bpmn:FlowElement')) {
      return;
    }
    const named = node.name && node.name.trim() !== '';
    const deciding = node.$instanceOf('bpmn:Gateway') && (node.outgoing || []).length > 1;
    const mustName = node.$instanceOf('bpmn:Activity') || node.$instanceOf('bpmn:Event') || deciding;
    if (mustName && !named) {
      reporter.report(node.id, 'Element needs a Chinese name (what users see)');
    } else if (named && !CJK.test(node.name)) {
      reporter.report(node.id, `Name "${node.name}" must be Chinese (what users see)`);
    }
  }
  return { check };
};
