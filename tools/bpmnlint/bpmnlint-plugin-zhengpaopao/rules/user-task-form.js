// Every user task opens a Camunda Form deployed with the model (bpmn/*.form), so a form and its model change together.
const { attr, isBlank } = require('./helpers');

module.exports = function() {
  function check(node, reporter) {
    if (!node.$instanceOf || !node.$instanceOf('bpmn:UserTask')) {
      return;
    }
    if (isBlank(attr(node, 'formRef'))) {
      reporter.report(node.id, 'User task needs a Camunda Form: camunda:formRef');
    } else if (attr(node, 'formRefBinding') !== 'deployment') {
      reporter.report(node.id, 'User task form must be bound to the deployment: camunda:formRefBinding="deployment"');
    }
  }
  return { check };
};
