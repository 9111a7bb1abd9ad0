/**
 * public/ and the web app manifest: every icon the manifest or the page metadata lists exists in public/
 * with the size it declares (read from the PNG header, or each image of favicon.ico). The journey
 * e2e/public-assets.spec.ts checks the same files answer 200 from the built console, linked from every page.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '@/app/manifest';
import { ICONS } from '@/app/icons';

const PUBLIC = path.join(process.cwd(), 'public');
const file = (url: string) => path.join(PUBLIC, url.replace(/^\//, ''));

/** Width × height of a PNG (IHDR). */
function pngSize(buf: Buffer): [number, number] {
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(buf.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

/** The sizes of the images inside an ICO file (0 in the directory means 256). */
function icoSizes(buf: Buffer): number[] {
  expect(buf.readUInt16LE(2)).toBe(1);
  const count = buf.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const size = buf[entry] || 256;
    const data = buf.subarray(buf.readUInt32LE(entry + 12), buf.readUInt32LE(entry + 12) + buf.readUInt32LE(entry + 8));
    // The embedded PNG says the same size as the directory.
    expect(pngSize(data)).toEqual([size, size]);
    return size;
  });
}

describe('public assets', () => {
  it('the manifest names the console and lists 192 px, 512 px and maskable icons that exist with their sizes', () => {
    const m = manifest();
    expect(m).toMatchObject({ name: 'Storedesk', start_url: '/', display: 'standalone' });
    const icons = m.icons ?? [];
    expect(icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of icons) {
      expect(existsSync(file(icon.src)), icon.src).toBe(true);
      const [w, h] = pngSize(readFileSync(file(icon.src)));
      expect(`${w}x${h}`, icon.src).toBe(icon.sizes);
    }
  });

  it('the favicon and the apple touch icon the pages link exist with their sizes', () => {
    const icons = ICONS as { icon: { url: string; sizes: string }[]; apple: { url: string; sizes: string }[] };
    for (const link of [...icons.icon, ...icons.apple]) {
      const buf = readFileSync(file(link.url));
      const declared = link.sizes.split(' ');
      if (link.url.endsWith('.ico')) expect(icoSizes(buf).map((s) => `${s}x${s}`)).toEqual(declared);
      else expect([`${pngSize(buf)[0]}x${pngSize(buf)[1]}`]).toEqual(declared);
    }
  });
});
