// Renders BPMN files to SVG and PNG with bpmn-js's Viewer (the Modeler's own renderer) in headless Chromium.
// Usage: node render.js <out-dir> <file.bpmn>...  Chromium: $ZPP_CHROMIUM or /usr/bin/chromium.
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const SCALE = 2; // sharp on high-density screens, as the docs show them scaled down
const MARGIN = 20;

async function main() {
  const [ outDir, ...files ] = process.argv.slice(2);
  if (!outDir || !files.length) {
    throw new Error('usage: node render.js <out-dir> <file.bpmn>...');
  }
  const browser = await chromium.launch({
    executablePath: process.env.ZPP_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [ '--no-sandbox', '--font-render-hinting=none' ]
  });
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 }, deviceScaleFactor: SCALE });
    await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
      + 'html,body{margin:0;background:#fff}</style></head><body><div id="canvas"></div></body></html>');
    await page.addScriptTag({ path: require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js') });
    for (const file of files) {
      const xml = fs.readFileSync(file, 'utf8');
      // the Viewer lays out labels with the page's fonts; saveSVG gives the whole diagram, sized to its content
      let svg = await page.evaluate(async xml => {
        const viewer = new window.BpmnJS({ container: '#canvas' });
        const { warnings } = await viewer.importXML(xml);
        if (warnings.length) {
          throw new Error(warnings.map(w => w.message).join('; '));
        }
        const { svg } = await viewer.saveSVG();
        viewer.destroy();
        return svg;
      }, xml);
      // bpmn-js sizes the SVG to the shapes' bounds, which cuts half of the outer strokes: widen it by a margin
      const [ x, y, w, h ] = /viewBox="([^"]+)"/.exec(svg)[1].split(' ').map(Number);
      const width = Math.ceil(w + 2 * MARGIN);
      const height = Math.ceil(h + 2 * MARGIN);
      svg = svg.replace(/width="[^"]+" height="[^"]+" viewBox="[^"]+"/,
        `width="${width}" height="${height}" viewBox="${x - MARGIN} ${y - MARGIN} ${width} ${height}"`);
      // bpmn-js names the arrow-head markers at random: number them, so that a re-render changes nothing unchanged
      const markers = new Map();
      svg = svg.replace(/marker-(?!end\b|start\b|mid\b)[a-z0-9]+/g, id => {
        markers.has(id) || markers.set(id, 'marker-' + (markers.size + 1));
        return markers.get(id);
      });
      const name = path.basename(file, '.bpmn');
      fs.writeFileSync(path.join(outDir, name + '.svg'), svg + '\n');
      await page.setViewportSize({ width, height });
      await page.evaluate(svg => {
        document.body.innerHTML = `<div id="picture" style="display:inline-block;line-height:0">${svg}</div>`
          + '<div id="canvas"></div>';
      }, svg);
      await page.locator('#picture').screenshot({ path: path.join(outDir, name + '.png') });
      console.log(`${file} -> ${path.join(outDir, name)}.png, .svg (${width}x${height})`);
    }
  } finally {
    await browser.close();
  }
}

main().catch(error => {
  console.error(error.message || error);
  process.exit(1);
});
