import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/access/roles.ts';
import { AUDIT_EVENT_KINDS } from '../../src/domain/audit/events.ts';
import { AUDIT_SECTIONS } from '../../src/domain/audit/page-views.ts';
import { ERROR_CODES } from '../../src/domain/error-codes.ts';
import { AGE_BANDS, DECISION_KINDS, RULES } from '../../src/web/api/allocation-types.ts';
import { isMessageKey, translate } from '../../src/web/i18n.ts';
import { en } from '../../src/web/i18n/en.ts';
import { sv } from '../../src/web/i18n/sv.ts';
import '../support/web-messages.ts';

describe('the UI dictionary', () => {
  it('has the same keys in Swedish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it('names every role in both languages', () => {
    for (const role of ROLES) expect(isMessageKey(`role.${role}`), role).toBe(true);
  });

  it('names every audit event kind in both languages, so the log never shows a bare code', () => {
    const missing = AUDIT_EVENT_KINDS.filter((kind) => !isMessageKey(`kind.${kind}`));
    expect(missing).toEqual([]);
  });

  it('says every error code of the closed list in plain words, in both languages (never a bare code)', () => {
    const missing = ERROR_CODES.filter((code) => !isMessageKey(`apiError.${code}`));
    expect(missing).toEqual([]);
    for (const code of ERROR_CODES) {
      const key = `apiError.${code}` as keyof typeof sv;
      expect(sv[key], code).not.toMatch(/[a-z]+_[a-z]+/);
      expect(en[key], code).not.toBe(sv[key]);
    }
  });

  it('names every section of a child a page view can show in the log, and every outcome of a view', () => {
    const keys = [
      ...AUDIT_SECTIONS.map((section) => `auditSection.${section}`),
      'outcome.allowed',
      'outcome.denied',
      'outcome.partly_denied',
    ];
    expect(keys.filter((key) => !isMessageKey(key))).toEqual([]);
  });

  it('names every kind of allocation decision, both rules and every age band', () => {
    const keys = [
      ...DECISION_KINDS.map((kind) => `decisionKind.${kind}`),
      ...RULES.flatMap((rule) => [`rule.${rule}`, `rule.${rule}.explain`]),
      ...AGE_BANDS.map((band) => `ageBand.${band}`),
    ];
    expect(keys.filter((key) => !isMessageKey(key))).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('sv', 'start.welcome', { name: 'Sara Lind' })).toBe('Välkommen, Sara Lind');
    expect(translate('en', 'start.welcome')).toBe('Welcome, {name}');
  });
});
