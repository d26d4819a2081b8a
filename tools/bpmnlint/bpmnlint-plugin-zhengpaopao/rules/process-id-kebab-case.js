// Process ids are the keys the application starts by and Cockpit shows: kebab-case, like the file (proxy-run).
module.exports = function() {
  function check(node, reporter) {
    if (node.$instanceOf && node.$instanceOf('bpmn:Process') && !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(node.id || '')) {
      reporter.report(node.id, `Process id <${node.id}> must be kebab-case (e.g. proxy-run)`);
    }
  }
  return { check };
};
