// Logic lives in tested Java, not in scripts inside the model: no script tasks, no camunda:script (listeners,
// input/output), no script conditions.
const { descendants } = require('./helpers');

module.exports = function() {
  function check(node, reporter) {
    if (!node.$instanceOf || !node.$instanceOf('bpmn:BaseElement')) {
      return;
    }
    if (node.$instanceOf('bpmn:ScriptTask')) {
      reporter.report(node.id, 'Script task: use a service task with a delegate expression');
    }
    if (descendants(node.extensionElements).some(e => /^camunda:script$/i.test(e.$type))) {
      reporter.report(node.id, 'camunda:script in the extension elements: use a delegate expression');
    }
    if (node.conditionExpression && node.conditionExpression.language) {
      reporter.report(node.id, `Script condition (${node.conditionExpression.language}): use an expression`);
    }
  }
  return { check };
};
