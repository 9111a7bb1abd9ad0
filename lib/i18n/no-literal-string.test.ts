/**
 * The "no hard-coded text" check (issue 16): eslint.config.mjs's storedesk/no-literal-string, run through the
 * project's real configuration on fixtures placed (virtually) in an enforced folder.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });
/** The folder list, from the config itself (a .mjs without types: read through a path). */
const { I18N_FOLDERS } = (await import(path.join(ROOT, 'eslint.config.mjs'))) as { I18N_FOLDERS: string[] };

async function literalErrors(code: string, file = 'components/auth/__fixture__.tsx') {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'storedesk/no-literal-string').map((m) => m.message);
}

const HEADER = "import { useTranslations } from 'next-intl';\n";

describe('no-literal-string', () => {
  it('fails on text between JSX tags', async () => {
    const errors = await literalErrors(`export function A() { return <p>Save the lead</p>; }\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Save the lead');
  });

  it('fails on a string child and on user-visible attributes', async () => {
    const code = `export function A() {
  return (
    <div>
      {'Loading…'}
      <input aria-label="Code" placeholder={'ABC-123'} title="Type the code" />
      <img alt="Logo" src="/x.png" />
      <button type="submit" data-testid="save-button" className="px-2">{\`Saved\`}</button>
    </div>
  );
}
`;
    const errors = await literalErrors(code);
    expect(errors).toHaveLength(6);
  });

  it('passes with t(…), punctuation and attributes nobody reads', async () => {
    const code = `${HEADER}export function A({ n }: { n: number }) {
  const t = useTranslations('ui');
  return (
    <div className="p-2" data-testid="box" id="x" role="status">
      <p>{t('saved')}</p> · {n} — <span aria-label={t('code')} title={t('title', { n })}>{n}/{n}</span>
      Storedesk
    </div>
  );
}
`;
    expect(await literalErrors(code)).toEqual([]);
  });

  it('enforces only the listed folders, and not tests', async () => {
    const code = `export function A() { return <p>Save the lead</p>; }\n`;
    expect(await literalErrors(code, 'components/__not_listed__/x.tsx')).toEqual([]);
    expect(await literalErrors(code, 'components/auth/x.test.tsx')).toEqual([]);
    for (const folder of I18N_FOLDERS) {
      const file = (folder.endsWith('/**') ? `${folder.slice(0, -3)}/__fixture__.tsx` : folder).replace('*', '__fixture__');
      expect(await literalErrors(code, file), folder).toHaveLength(1);
    }
  });
});
