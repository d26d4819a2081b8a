// Service tasks call Spring beans by ${beanName} delegate expressions (wired, testable); camunda:class is not used.
const { attr, isBlank, descendants } = require('./helpers');

module.exports = function() {
  function check(node, reporter) {
    if (!node.$instanceOf || !node.$instanceOf('bpmn:BaseElement')) {
      return;
    }
    const classes = [ attr(node, 'class') ]
      .concat(descendants(node.extensionElements).map(e => (e.$attrs || {}).class || (e.get && e.get('class'))))
      .filter(value => !isBlank(value));
    if (classes.length) {
      reporter.report(node.id, `camunda:class ${classes.join(', ')}: use a delegate expression \${beanName}`);
    }
    const delegating = node.$instanceOf('bpmn:ServiceTask') || node.$instanceOf('bpmn:SendTask');
    if (delegating && isBlank(attr(node, 'delegateExpression')) && isBlank(attr(node, 'class'))) {
      reporter.report(node.id, 'Service task needs camunda:delegateExpression="${beanName}"');
    }
  }
  return { check };
};
