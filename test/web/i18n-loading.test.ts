/**
 * The dictionary in two parts (issue 11): the entry chunk holds the core (the frame and the login), each language's
 * whole dictionary is loaded before a page past the login renders. Nothing is loaded here until a test loads it
 * (each test file has its own modules).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ROLES } from '../../src/domain/access/roles.ts';
import {
  hasAllMessages,
  isMessageKey,
  loadMessages,
  onMessagesLoaded,
  translate,
} from '../../src/web/i18n.ts';
import { enCore } from '../../src/web/i18n/en-core.ts';
import { svCore } from '../../src/web/i18n/sv-core.ts';

// The login page's module reads the address at load (Page.tsx): a window that is only that much.
vi.stubGlobal('window', { location: { href: 'http://localhost/login' } });
const { LOGIN_REASONS, OIDC_LOGIN_ERRORS } = await import('../../src/web/pages/LoginPage.tsx');

const WEB = join(import.meta.dirname, '..', '..', 'src', 'web');

/** The keys a file names literally: `t('login.title')`, `'shell.skip'`. */
function literalKeys(file: string): string[] {
  const source = readFileSync(join(WEB, file), 'utf8');
  return [...source.matchAll(/'([a-zA-Z]+\.[\w.]+)'/g)].map((m) => m[1] ?? '').filter((k) => k !== '');
}

describe('the dictionary in two parts', () => {
  it('speaks the login page from the core alone: every text it and the frame name logged out', () => {
    const files = [
      'pages/LoginPage.tsx',
      'pages/NotFoundPage.tsx',
      'components/Shell.tsx',
      'components/Page.tsx',
      'components/Status.tsx',
      'components/SessionActions.tsx',
    ];
    const keys = [
      ...files.flatMap(literalKeys),
      ...LOGIN_REASONS.map((r) => `login.${r}`),
      ...OIDC_LOGIN_ERRORS.map((e) => `login.error.${e}`),
      ...ROLES.map((r) => `role.${r}`),
      'app.name',
      'app.tagline',
      'shell.langToggle',
    ].filter((key) => !key.startsWith('anvisa.'));
    expect(keys.filter((key) => !Object.hasOwn(svCore, key))).toEqual([]);
    expect(Object.keys(enCore).sort()).toEqual(Object.keys(svCore).sort());
  });

  it('has only the core until a language is loaded, then all of that language', async () => {
    expect(translate('sv', 'login.title')).toBe(svCore['login.title']);
    expect(hasAllMessages('sv')).toBe(false);
    expect(isMessageKey('worklist.nav')).toBe(false);
    expect(translate('sv', 'worklist.nav')).toBe('');

    let heard = 0;
    const stop = onMessagesLoaded(() => (heard += 1));
    await loadMessages('en');
    stop();
    expect(heard).toBe(1);
    expect(hasAllMessages('en')).toBe(true);
    expect(hasAllMessages('sv')).toBe(false);
    // An English user has only the English dictionary: its keys count, e.g. for a form error's code.
    expect(isMessageKey('worklist.nav')).toBe(true);
    expect(translate('en', 'worklist.nav')).not.toBe('');

    await loadMessages('sv');
    expect(hasAllMessages('sv')).toBe(true);
    expect(translate('sv', 'worklist.nav')).not.toBe('');
    expect(heard).toBe(1); // unsubscribed
  });
});
