// Without a history time to live, history cleanup keeps everything and Camunda 7.20+ refuses the deployment.
const { attr, isBlank } = require('./helpers');

module.exports = function() {
  function check(node, reporter) {
    if (node.$instanceOf && node.$instanceOf('bpmn:Process') && node.isExecutable
        && isBlank(attr(node, 'historyTimeToLive'))) {
      reporter.report(node.id, 'Process needs camunda:historyTimeToLive');
    }
  }
  return { check };
};
