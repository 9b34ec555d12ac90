/**
 * Renders every icon in assets/ from the SVG sources in assets/src/ with resvg (@resvg/resvg-js:
 * a maintained Rust SVG renderer shipped as prebuilt npm binaries for Windows, macOS and Linux, so
 * no system tool is needed, and its output is the same byte for byte on each). Run `npm run icons`
 * after changing an SVG and commit both; test/tools/assets.test.ts fails while they disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Resvg } from '@resvg/resvg-js';

import { trayGlyphs } from '../../shared/tray/tray-state';

const src = dirname(fileURLToPath(import.meta.url));
export const assetsDir = dirname(src);

/** Template images must be black plus alpha; "light" taskbars get a dark glyph, "dark" ones a white glyph. */
const colours = { template: '#000000', light: '#1F1F1F', dark: '#FFFFFF' } as const;
/** Windows picks the tray size by display scaling: 16, 20, 24, 32, 40, 48 px for 100-300 %. */
const trayIcoSizes = [16, 20, 24, 32, 40, 48];
const appIcoSizes = [16, 24, 32, 48, 64, 128, 256];
/** icns types holding PNG data, by pixel size (Apple's "Icon Services" types). */
const icnsTypes: readonly (readonly [string, number])[] = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

function render(svg: string, size: number, colour?: string): Buffer {
  const text = colour ? svg.replaceAll('currentColor', colour) : svg;
  const resvg = new Resvg(text, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } });
  return Buffer.from(resvg.render().asPng());
}

/** An .ico whose images are PNGs (supported since Windows Vista), one per size. */
export function icoFile(images: readonly { readonly size: number; readonly png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

export function icnsFile(images: readonly { readonly type: string; readonly png: Buffer }[]): Buffer {
  const chunks = images.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

/** Every generated file by name (in assets/), rendered in memory. */
export function renderIcons(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const glyph of trayGlyphs) {
    const small = readFileSync(join(src, 'tray', `${glyph}-16.svg`), 'utf8');
    const large = readFileSync(join(src, 'tray', `${glyph}-32.svg`), 'utf8');
    // 16 px comes from the hinted drawing; scaled up it looks thin, so 20 px and up use the 32 px one.
    const drawingFor = (size: number) => (size <= 16 ? small : large);
    files.set(`tray-${glyph}Template.png`, render(small, 16, colours.template));
    files.set(`tray-${glyph}Template@2x.png`, render(large, 32, colours.template));
    for (const variant of ['light', 'dark'] as const) {
      files.set(`tray-${glyph}-${variant}.png`, render(small, 16, colours[variant]));
      files.set(`tray-${glyph}-${variant}@2x.png`, render(large, 32, colours[variant]));
      const ico = trayIcoSizes.map((size) => ({ size, png: render(drawingFor(size), size, colours[variant]) }));
      files.set(`tray-${glyph}-${variant}.ico`, icoFile(ico));
    }
  }
  const app = readFileSync(join(src, 'icon.svg'), 'utf8');
  files.set('icon.png', render(app, 1024));
  files.set('icon.ico', icoFile(appIcoSizes.map((size) => ({ size, png: render(app, size) }))));
  files.set('icon.icns', icnsFile(icnsTypes.map(([type, size]) => ({ type, png: render(app, size) }))));
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, data] of renderIcons()) writeFileSync(join(assetsDir, name), data);
  process.stdout.write(`icons written to ${assetsDir}\n`);
}
