// A user task nobody's group can see is a forgotten case: candidate groups (a list or an expression) are required.
const { attr, isBlank } = require('./helpers');

module.exports = function() {
  function check(node, reporter) {
    if (node.$instanceOf && node.$instanceOf('bpmn:UserTask') && isBlank(attr(node, 'candidateGroups'))) {
      reporter.report(node.id, 'User task needs camunda:candidateGroups (groups or an expression)');
    }
  }
  return { check };
};
