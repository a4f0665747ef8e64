import { describe, expect, it } from 'vitest';
import { translate } from '../../../../src/web/i18n.ts';
import { stepFindingText } from '../../../../src/web/pages/worklist/labels.ts';
import '../../../support/web-messages.ts';

const sv = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('sv', key, params);

describe('what a step of the social case found, in words', () => {
  it.each([
    ['assess_protection', { outcome: 'immediate_protection_needed' }, 'Ja, barnet behöver omedelbart skydd'],
    [
      'open_investigation',
      { finding: 'unaccompanied_needs_care' },
      'Barnet är ensamkommande och behöver vård och boende utanför det egna hemmet',
    ],
    [
      'decide_not_to_investigate',
      { finding: 'needs_met_otherwise' },
      'Barnets behov tillgodoses redan på annat sätt',
    ],
    ['review_care', { outcome: 'care_continues' }, 'Vården fortsätter oförändrad'],
    ['close', { reason: 'left_sweden' }, 'Barnet har lämnat Sverige'],
  ])('%s %o: "%s"', (event, details, text) => {
    expect(stepFindingText(sv, 'social_case', event, details)).toBe(text);
  });
  it('says nothing for a step without a finding, an unknown code or another machine', () => {
    expect(
      stepFindingText(sv, 'social_case', 'start_care', { implementationPlanOn: '2026-11-20' }),
    ).toBeNull();
    expect(stepFindingText(sv, 'social_case', 'open_investigation', {})).toBeNull();
    expect(
      stepFindingText(sv, 'social_case', 'open_investigation', { finding: 'something_else' }),
    ).toBeNull();
    expect(stepFindingText(sv, 'placement', 'close', { reason: 'left_sweden' })).toBeNull();
  });
});
