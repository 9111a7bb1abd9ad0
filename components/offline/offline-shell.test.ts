import { describe, expect, it } from 'vitest';
import { loadedStaticFiles } from './offline-shell';

describe('loadedStaticFiles', () => {
  it('lists only the build files of this origin, once each, without queries', () => {
    const origin = 'http://tablet.local:3000';
    expect(
      loadedStaticFiles(
        [
          `${origin}/_next/static/chunks/app.js`,
          `${origin}/_next/static/chunks/app.js`,
          '/_next/static/css/app.css',
          `${origin}/_next/static/chunks/x.js?v=1`,
          `${origin}/capture?_rsc=abc`,
          `${origin}/api/health`,
          `${origin}/leads/1/documents/2`,
          'https://cdn.example/_next/static/chunks/evil.js',
          'not a url ::',
        ],
        origin,
      ),
    ).toEqual(['/_next/static/chunks/app.js', '/_next/static/css/app.css']);
  });
});
