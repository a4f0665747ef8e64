/**
 * The worklist speaks plain Swedish and English: every deadline rule has a name and a source in both languages, the
 * Swedish ones are the rule table's own, and no text a user sees carries a rule id or a research note.
 */
import { describe, expect, it } from 'vitest';
import { DEADLINE_RULES, type DeadlineRuleId } from '../../../../src/domain/deadlines/rules.ts';
import { isMessageKey, translate, translateCount } from '../../../../src/web/i18n.ts';
import { en } from '../../../../src/web/i18n/en.ts';
import { sv } from '../../../../src/web/i18n/sv.ts';
import { deadlineSource, deadlineTitle, timeLeftText } from '../../../../src/web/pages/worklist/labels.ts';
import '../../../support/web-messages.ts';

const RULES = Object.keys(DEADLINE_RULES) as DeadlineRuleId[];
const tSv = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('sv', key, params);
const tEn = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('en', key, params);
const tnSv = (key: Parameters<typeof translateCount>[1], count: number) => translateCount('sv', key, count);

describe('deadlines in words', () => {
  it.each(RULES)('%s has a name and a source in Swedish and English', (rule) => {
    expect(isMessageKey(`worklist.deadline.${rule}`)).toBe(true);
    expect(isMessageKey(`worklist.deadlineSource.${rule}`)).toBe(true);
    expect(deadlineTitle(tSv, rule)).toBe(DEADLINE_RULES[rule].title);
    expect(deadlineSource(tSv, rule)).toBe(DEADLINE_RULES[rule].source);
    expect(deadlineTitle(tEn, rule)).not.toBe(DEADLINE_RULES[rule].title);
    expect(deadlineSource(tEn, rule).length).toBeGreaterThan(10);
  });

  it('a rule this version does not know is a "Tidsfrist", never its id', () => {
    expect(deadlineTitle(tSv, 'follow-up-after-care')).toBe('Tidsfrist');
    expect(deadlineTitle(tEn, 'follow-up-after-care')).toBe('Deadline');
    expect(deadlineSource(tSv, 'follow-up-after-care')).toBe('');
  });

  it('no text shown to a user holds a rule id, a mapping note or the repealed act alone', () => {
    const ids = RULES.filter((rule) => rule.includes('-'));
    const shown = [
      ...Object.entries(sv),
      ...Object.entries(en),
      ...RULES.flatMap((r) => [
        [r, DEADLINE_RULES[r].title] as const,
        [r, DEADLINE_RULES[r].source] as const,
      ]),
    ];
    for (const [key, text] of shown) {
      for (const id of ids) expect(text, key).not.toContain(id);
      expect(RULES as readonly string[], key).not.toContain(text);
      expect(text, key).not.toMatch(/ej kartlagd|kartlagd|not mapped|unverified|\[NF\]|\[I\]/i);
      // The repealed act is cited as history beside the new one, or for a decision taken while it was in force.
      if (text.includes('2001:453'))
        expect(text, key).toMatch(/2025:400|när beslutet fattades|when it was decided/);
    }
  });

  it('the time left is counted in words with the right plural', () => {
    expect(timeLeftText(tSv, tnSv, { daysLeft: 1, countsWorkingDays: true, overdue: false })).toBe(
      '1 arbetsdag kvar',
    );
    expect(timeLeftText(tSv, tnSv, { daysLeft: 3, countsWorkingDays: false, overdue: false })).toBe(
      '3 dagar kvar',
    );
    expect(timeLeftText(tSv, tnSv, { daysLeft: -1, countsWorkingDays: false, overdue: true })).toBe(
      'Försenad 1 dag',
    );
    expect(timeLeftText(tSv, tnSv, { daysLeft: 0, countsWorkingDays: true, overdue: true })).toBe(
      'Försenad 1 arbetsdag',
    );
    expect(timeLeftText(tSv, tnSv, { daysLeft: 0, countsWorkingDays: true, overdue: false })).toBe(
      'Förfaller i dag',
    );
  });
});
