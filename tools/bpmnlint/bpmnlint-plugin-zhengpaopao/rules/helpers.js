// Shared helpers. The bpmnlint command line reads the models without the Camunda extension schema, so camunda:*
// attributes are generic ($attrs) and extension elements are generic elements; Modeler's linter knows the schema.
// moddle's get() answers both ways, and extension element types are compared case-insensitively.

function attr(node, name) {
  const value = node.get ? node.get('camunda:' + name) : undefined;
  return value === undefined ? (node.$attrs || {})['camunda:' + name] : value;
}

function isBlank(value) {
  return value === undefined || value === null || String(value).trim() === '';
}

// every generic or typed element below node (extension elements, listeners, input parameters, ...)
function descendants(node, out = [], seen = new Set()) {
  if (!node || typeof node !== 'object' || seen.has(node)) {
    return out;
  }
  seen.add(node);
  for (const key of Object.keys(node)) {
    if (key === '$parent' || key === '$descriptor' || key === '$model') {
      continue;
    }
    const value = node[key];
    for (const child of Array.isArray(value) ? value : [ value ]) {
      if (child && typeof child === 'object' && child.$type) {
        out.push(child);
        descendants(child, out, seen);
      }
    }
  }
  return out;
}

function extensionsOfType(node, type) {
  return descendants(node.extensionElements).filter(e => e.$type.toLowerCase() === type.toLowerCase());
}

module.exports = { attr, isBlank, descendants, extensionsOfType };
