// `node scripts/make-icons.mjs`: draws the console's icons into public/ (the PNGs and favicon.ico are
// committed; run this again only to change the design). No image library: a few shapes, supersampled for
// smooth edges, written as PNG with node:zlib; favicon.ico packs 16, 32 and 48 px PNGs (the ICO form every
// current browser reads).
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [29, 78, 216]; // Tailwind blue-700, the console's primary colour
const WHITE = [255, 255, 255];
const SUPER = 4;

/** The glyph: a segmented "S" (Storedesk) inside the unit box [0,1]², as rectangles [x0, y0, x1, y1]. */
function glyphRects(t) {
  return [
    [0, 0, 1, t], // top bar
    [0, 0, t, 0.5 + t / 2], // upper left
    [0, 0.5 - t / 2, 1, 0.5 + t / 2], // middle bar
    [1 - t, 0.5 - t / 2, 1, 1], // lower right
    [0, 1 - t, 1, 1], // bottom bar
  ];
}

/**
 * RGBA pixels of one icon. `maskable`: the background fills the square (launchers cut their own shape) and the
 * glyph stays inside the central safe circle (40 % radius); otherwise a rounded square on transparency.
 */
function render(size, { maskable = false } = {}) {
  const n = size * SUPER;
  const radius = maskable ? 0 : n * 0.22;
  const glyphSide = maskable ? 0.4 : 0.5; // of the icon's side
  const g0x = ((1 - glyphSide * 0.8) / 2) * n;
  const g0y = ((1 - glyphSide) / 2) * n;
  const gw = glyphSide * 0.8 * n;
  const gh = glyphSide * n;
  const rects = glyphRects(0.2).map(([x0, y0, x1, y1]) => [g0x + x0 * gw, g0y + y0 * gh, g0x + x1 * gw, g0y + y1 * gh]);
  const inBackground = (x, y) => {
    if (radius === 0) return true;
    const cx = Math.min(Math.max(x, radius), n - radius);
    const cy = Math.min(Math.max(y, radius), n - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  const inGlyph = (x, y) => rects.some(([x0, y0, x1, y1]) => x >= x0 && x < x1 && y >= y0 && y < y1);
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SUPER; sy++) {
        for (let sx = 0; sx < SUPER; sx++) {
          const x = px * SUPER + sx + 0.5;
          const y = py * SUPER + sy + 0.5;
          if (!inBackground(x, y)) continue;
          bg++;
          if (inGlyph(x, y)) fg++;
        }
      }
      const total = SUPER * SUPER;
      const alpha = bg / total;
      const mix = bg ? fg / bg : 0;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) out[i + c] = Math.round(BLUE[c] * (1 - mix) + WHITE[c] * mix);
      out[i + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

const dir = new URL('../public/', import.meta.url);
mkdirSync(dir, { recursive: true });
const write = (name, data) => {
  writeFileSync(new URL(name, dir), data);
  console.log(`public/${name} (${data.length} bytes)`);
};
write('icon-192.png', png(192, render(192)));
write('icon-512.png', png(512, render(512)));
write('icon-maskable-512.png', png(512, render(512, { maskable: true })));
write('apple-touch-icon.png', png(180, render(180, { maskable: true })));
write('favicon.ico', ico([16, 32, 48].map((size) => ({ size, data: png(size, render(size)) }))));
