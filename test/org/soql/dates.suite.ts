import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dateLiteralRange } from '../../../src/org/soql/dateLiterals.ts';
import { createOrg, NOW } from './fixture.ts';

// NOW is Wednesday 2024-05-15 12:00 UTC; weeks start on Sunday.
const ranges: [string, number, string, string][] = [
  ['YESTERDAY', 0, '2024-05-14', '2024-05-15'],
  ['TODAY', 0, '2024-05-15', '2024-05-16'],
  ['TOMORROW', 0, '2024-05-16', '2024-05-17'],
  ['LAST_WEEK', 0, '2024-05-05', '2024-05-12'],
  ['THIS_WEEK', 0, '2024-05-12', '2024-05-19'],
  ['NEXT_WEEK', 0, '2024-05-19', '2024-05-26'],
  ['LAST_MONTH', 0, '2024-04-01', '2024-05-01'],
  ['THIS_MONTH', 0, '2024-05-01', '2024-06-01'],
  ['NEXT_MONTH', 0, '2024-06-01', '2024-07-01'],
  ['LAST_90_DAYS', 0, '2024-02-15', '2024-05-16'],
  ['NEXT_90_DAYS', 0, '2024-05-16', '2024-08-14'],
  ['LAST_N_DAYS', 3, '2024-05-12', '2024-05-16'],
  ['NEXT_N_DAYS', 3, '2024-05-16', '2024-05-19'],
  ['N_DAYS_AGO', 3, '2024-05-12', '2024-05-13'],
  ['LAST_N_WEEKS', 2, '2024-04-28', '2024-05-12'],
  ['NEXT_N_WEEKS', 2, '2024-05-19', '2024-06-02'],
  ['LAST_N_MONTHS', 2, '2024-03-01', '2024-05-01'],
  ['NEXT_N_MONTHS', 2, '2024-06-01', '2024-08-01'],
  ['THIS_QUARTER', 0, '2024-04-01', '2024-07-01'],
  ['LAST_QUARTER', 0, '2024-01-01', '2024-04-01'],
  ['NEXT_QUARTER', 0, '2024-07-01', '2024-10-01'],
  ['LAST_N_QUARTERS', 2, '2023-10-01', '2024-04-01'],
  ['THIS_YEAR', 0, '2024-01-01', '2025-01-01'],
  ['LAST_YEAR', 0, '2023-01-01', '2024-01-01'],
  ['NEXT_YEAR', 0, '2025-01-01', '2026-01-01'],
  ['LAST_N_YEARS', 2, '2022-01-01', '2024-01-01'],
  ['NEXT_N_YEARS', 2, '2025-01-01', '2027-01-01'],
  ['THIS_FISCAL_YEAR', 0, '2024-01-01', '2025-01-01'],
];

describe('date literal ranges', () => {
  for (const [name, n, start, end] of ranges) {
    test(`${name}${n ? `:${n}` : ''} is [${start}, ${end})`, () => {
      assert.deepEqual(dateLiteralRange(name, n, 'date', NOW, 'UTC'), { start, end });
      assert.deepEqual(dateLiteralRange(name, n, 'datetime', NOW, 'UTC'), {
        start: `${start}T00:00:00.000+0000`,
        end: `${end}T00:00:00.000+0000`,
      });
    });
  }

  test('a week that starts in the previous month and year', () => {
    assert.deepEqual(dateLiteralRange('THIS_WEEK', 0, 'date', new Date('2025-01-01T10:00:00Z'), 'UTC'), {
      start: '2024-12-29',
      end: '2025-01-05',
    });
  });

  test("the user's time zone decides what today is and where days start", () => {
    // 03:00 UTC on the 15th is 20:00 on the 14th in Los Angeles (UTC-7 in May).
    const lateEvening = new Date('2024-05-15T03:00:00Z');
    assert.deepEqual(dateLiteralRange('TODAY', 0, 'date', lateEvening, 'America/Los_Angeles'), { start: '2024-05-14', end: '2024-05-15' });
    assert.deepEqual(dateLiteralRange('TODAY', 0, 'datetime', lateEvening, 'America/Los_Angeles'), {
      start: '2024-05-14T07:00:00.000+0000',
      end: '2024-05-15T07:00:00.000+0000',
    });
    // Half-hour offset, and a day ahead of UTC.
    assert.deepEqual(dateLiteralRange('TODAY', 0, 'datetime', new Date('2024-05-15T20:00:00Z'), 'Asia/Kolkata'), {
      start: '2024-05-15T18:30:00.000+0000',
      end: '2024-05-16T18:30:00.000+0000',
    });
  });

  test('a month across a daylight-saving change has differently offset ends', () => {
    assert.deepEqual(dateLiteralRange('THIS_MONTH', 0, 'datetime', new Date('2024-03-15T12:00:00Z'), 'America/Los_Angeles'), {
      start: '2024-03-01T08:00:00.000+0000',
      end: '2024-04-01T07:00:00.000+0000',
    });
  });

  test('unknown names give undefined', () => {
    assert.equal(dateLiteralRange('SOMEDAY', 0, 'date', NOW, 'UTC'), undefined);
  });
});

describe('date literals against stored values', () => {
  // Tasks dated around THIS_WEEK's edges, and leads created around TODAY's edges.
  const org = createOrg();
  for (const d of ['2024-05-11', '2024-05-12', '2024-05-18', '2024-05-19']) org.insert('Task', { Subject: d, ActivityDate: d });
  org.insert('Task', { Subject: 'undated', ActivityDate: null });
  for (const t of ['2024-05-14T23:59:59.999', '2024-05-15T00:00:00.000', '2024-05-15T23:59:59.999', '2024-05-16T00:00:00.000']) {
    org.insert('Lead', { LastName: t, Name: t, CreatedDate: `${t}+0000` });
  }

  const subjects = (where: string) =>
    org.query(`SELECT Subject FROM Task WHERE ActivityDate ${where} ORDER BY Subject`).records.map((r) => r.Subject);
  const created = (where: string, timeZone?: string) =>
    org.query(`SELECT Name FROM Lead WHERE CreatedDate ${where} ORDER BY Name`, { timeZone }).records.map((r) => r.Name);

  const dateCases: [string, string[]][] = [
    ['= THIS_WEEK', ['2024-05-12', '2024-05-18']],
    ['!= THIS_WEEK', ['2024-05-11', '2024-05-19', 'undated']],
    ['< THIS_WEEK', ['2024-05-11']],
    ['<= THIS_WEEK', ['2024-05-11', '2024-05-12', '2024-05-18']],
    ['> THIS_WEEK', ['2024-05-19']],
    ['>= THIS_WEEK', ['2024-05-12', '2024-05-18', '2024-05-19']],
    ['IN (LAST_WEEK, NEXT_WEEK)', ['2024-05-11', '2024-05-19']],
    ['NOT IN (THIS_WEEK)', ['2024-05-11', '2024-05-19', 'undated']],
    ['= LAST_N_DAYS:3', ['2024-05-12']],
    ['= NEXT_N_DAYS:3', ['2024-05-18']],
    ['= N_DAYS_AGO:4', ['2024-05-11']],
    ['= 2024-05-12', ['2024-05-12']],
    ['IN (2024-05-12, 2024-05-19)', ['2024-05-12', '2024-05-19']],
    ['= null', ['undated']],
  ];
  for (const [where, expected] of dateCases) {
    test(`date field ${where}`, () => assert.deepEqual(subjects(where), expected));
  }

  const dateTimeCases: [string, string[]][] = [
    ['= TODAY', ['2024-05-15T00:00:00.000', '2024-05-15T23:59:59.999']],
    ['< TODAY', ['2024-05-14T23:59:59.999']],
    ['> TODAY', ['2024-05-16T00:00:00.000']],
    ['<= TODAY', ['2024-05-14T23:59:59.999', '2024-05-15T00:00:00.000', '2024-05-15T23:59:59.999']],
    ['>= TODAY', ['2024-05-15T00:00:00.000', '2024-05-15T23:59:59.999', '2024-05-16T00:00:00.000']],
    ['= YESTERDAY', ['2024-05-14T23:59:59.999']],
    ['= TOMORROW', ['2024-05-16T00:00:00.000']],
  ];
  for (const [where, expected] of dateTimeCases) {
    test(`datetime field ${where}`, () => assert.deepEqual(created(where), expected));
  }

  test('datetime TODAY in a zone ahead of UTC', () => {
    // In Asia/Tokyo (UTC+9) it is 21:00 on the 15th; that day runs from 14th 15:00 UTC.
    assert.deepEqual(created('= TODAY', 'Asia/Tokyo'), ['2024-05-14T23:59:59.999', '2024-05-15T00:00:00.000']);
  });
});
