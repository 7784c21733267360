import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PlaygroundSession } from '../playground/session';
import { DIST } from './support/bundle';

/**
 * The playground's formula engine hands the add-on's custom functions a date cell as Sheets does: a Date for midnight
 * in the workbook's time zone, not a serial number. So UTM_LINK keeps the cell's day and TIER refuses a date.
 */

const URL = 'https://shop.example.com/serum';
const sessions: PlaygroundSession[] = [];

/** A workbook whose Roster holds Mia (50,000 followers, joined 2026-04-30) and Leo (12,000, joined 2026-05-01). */
function workbookIn(timeZone: string): PlaygroundSession {
  const session = new PlaygroundSession({
    code: readFileSync(join(DIST, 'Code.js'), 'utf8'),
    sidebarHtml: readFileSync(join(DIST, 'Sidebar.html'), 'utf8'),
    source: {
      kind: 'csv',
      fileName: 'roster.csv',
      rows: [
        ['Influencer', 'Followers', 'Joined'],
        ['Mia', '50000', '2026-04-30'],
        ['Leo', '12000', '2026-05-01'],
      ],
    },
    timeZone,
  });
  sessions.push(session);
  return session;
}

function enter(session: PlaygroundSession, cell: string, input: string): void {
  expect(session.edit('Roster', cell, input)).toEqual({ ok: true, value: null });
}

afterAll(() => sessions.forEach((s) => s.close()));

describe.each(['Asia/Shanghai', 'America/Los_Angeles'])('a date cell in a %s workbook', (timeZone) => {
  const session = workbookIn(timeZone);

  it('reaches UTM_LINK as the day the cell holds', () => {
    enter(session, 'E2', `=UTM_LINK("${URL}", "xiaohongshu", "influencer", "spring_launch", C2)`);
    expect(session.engine.value('Roster', 2, 5)).toBe(
      'https://shop.example.com/serum?utm_source=xiaohongshu&utm_medium=influencer&utm_campaign=spring_launch&utm_content=2026-04-30',
    );
    enter(session, 'F2', `=UTM_LINK("${URL}", "xhs", "kol", C2:C3)`);
    expect(session.engine.value('Roster', 2, 6)).toBe('https://shop.example.com/serum?utm_source=xhs&utm_medium=kol&utm_campaign=2026-04-30');
    expect(session.engine.value('Roster', 3, 6)).toBe('https://shop.example.com/serum?utm_source=xhs&utm_medium=kol&utm_campaign=2026-05-01');
  });

  it('is an error for TIER, as on Google, rather than a tier of its serial number', () => {
    enter(session, 'G2', '=TIER(C2)');
    expect(session.engine.value('Roster', 2, 7)).toEqual({
      error: '#ERROR!',
      message: 'TIER: followers "2026-04-30" is a date; expected a count such as 12000, 12.5k or 3.4万.',
    });
    enter(session, 'H2', '=TIER(C2:C3)');
    expect(session.engine.value('Roster', 2, 8)).toBe('⚠ followers "2026-04-30" is a date');
    expect(session.engine.value('Roster', 3, 8)).toBe('⚠ followers "2026-05-01" is a date');
    enter(session, 'I2', '=TIER(B2:B3)');
    expect(session.engine.value('Roster', 2, 9)).toBe('Mid');
    expect(session.engine.value('Roster', 3, 9)).toBe('Mid');
  });
});

describe('a date and time cell', () => {
  it('reaches UTM_LINK as its day on the workbook clock, even where that is another day in UTC', () => {
    const session = workbookIn('America/Los_Angeles');
    // 22:30 on 30 April in Los Angeles: 1 May in UTC.
    session.workbook.spreadsheet.getSheetByName('Roster')!.getRange('C3').setValue(new Date('2026-05-01T05:30:00Z'));
    session.recalculate();
    enter(session, 'E3', `=UTM_LINK("${URL}", "s", "m", C3)`);
    expect(session.engine.value('Roster', 3, 5)).toBe('https://shop.example.com/serum?utm_source=s&utm_medium=m&utm_campaign=2026-04-30');
  });
});
