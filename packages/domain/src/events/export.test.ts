import { describe, expect, it } from 'vitest';
import { ISMS_EVENT_CATEGORIES } from '@mamoru/contracts';
import { ACTION, CATEGORY, eventTitle } from './export.ts';
import { EVENT_ACTIONS } from './from-audit.ts';

describe('event log wording', () => {
  it('words every action the log picks up, and every category, in both languages', () => {
    for (const action of Object.keys(EVENT_ACTIONS)) {
      expect(ACTION[action]?.ja, action).toBeTruthy();
      expect(ACTION[action]?.en, action).toBeTruthy();
    }
    for (const c of ISMS_EVENT_CATEGORIES) expect(CATEGORY[c]?.ja && CATEGORY[c]?.en).toBeTruthy();
  });

  it('titles automatic entries by what happened and manual ones by their own title', () => {
    const auto = { source: 'auto', action: 'incident.closed', title: 'INC-0001 漏えい' };
    expect(eventTitle(auto, 'ja')).toBe('インシデントの終結: INC-0001 漏えい');
    expect(eventTitle({ ...auto, title: '' }, 'en')).toBe('Incident closed');
    expect(eventTitle({ source: 'manual', action: null, title: '本社移転' }, 'en')).toBe(
      '本社移転',
    );
  });
});
