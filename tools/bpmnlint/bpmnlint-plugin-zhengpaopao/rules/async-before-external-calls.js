// A call to another system (data platform, SMS gateway) runs in a job of its own, so a failure is retried and ends
// in an incident instead of rolling back the user's step: camunda:asyncBefore plus a failedJobRetryTimeCycle.
// "External" is known by the delegate bean: the beans below call other systems (rule option "beans" overrides).
const { attr, extensionsOfType } = require('./helpers');

const EXTERNAL_BEANS = [ 'sharedDataVerification', 'authorizationCodeSender' ];

module.exports = function(config) {
  const beans = (config && config.beans) || EXTERNAL_BEANS;

  function check(node, reporter) {
    if (!node.$instanceOf || !node.$instanceOf('bpmn:Activity')) {
      return;
    }
    const match = /^\$\{\s*([A-Za-z0-9_]+)\s*\}$/.exec(String(attr(node, 'delegateExpression') || ''));
    if (!match || !beans.includes(match[1])) {
      return;
    }
    const async = String(attr(node, 'asyncBefore')) === 'true' || String(attr(node, 'async')) === 'true';
    if (!async) {
      reporter.report(node.id, `${match[1]} calls another system: set camunda:asyncBefore="true"`);
    }
    if (!extensionsOfType(node, 'camunda:failedJobRetryTimeCycle').length) {
      reporter.report(node.id, `${match[1]} calls another system: add a camunda:failedJobRetryTimeCycle (e.g. R3/PT5M)`);
    }
  }
  return { check };
};
