// Every task runs against a deadline in working days, shown in Tasklist: camunda:dueDate is required.
const { attr, isBlank } = require('./helpers');

module.exports = function() {
  function check(node, reporter) {
    if (node.$instanceOf && node.$instanceOf('bpmn:UserTask') && isBlank(attr(node, 'dueDate'))) {
      reporter.report(node.id, 'User task needs camunda:dueDate (the deadline Tasklist shows)');
    }
  }
  return { check };
};
