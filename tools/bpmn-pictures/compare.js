// Compares rendered SVGs with the committed ones, ignoring what depends on the fonts (where a label's lines break and
// sit): shapes, paths, element ids and label text must match. Usage: node compare.js <fresh-dir> <committed-dir> names...
const fs = require('fs');
const path = require('path');

function fingerprint(svg) {
  return svg
    .replace(/<tspan[^>]*>|<\/tspan>/g, '')
    .replace(/>\s+</g, '><')
    .replace(/(<text[^>]*>)([^<]*)/g, (_, tag, text) => tag + text.replace(/\s+/g, ''));
}

const [ fresh, committed, ...names ] = process.argv.slice(2);
let stale = 0;
for (const name of names) {
  const file = path.join(committed, name + '.svg');
  if (!fs.existsSync(file)
      || fingerprint(fs.readFileSync(file, 'utf8')) !== fingerprint(fs.readFileSync(path.join(fresh, name + '.svg'), 'utf8'))) {
    console.error(`${file} is not drawn from bpmn/${name}.bpmn as it is now: run tools/render-bpmn and commit docs/images`);
    stale++;
  }
}
if (stale) {
  process.exit(1);
}
console.log(`pictures up to date: ${names.map(n => n + '.svg').join(', ')}`);
