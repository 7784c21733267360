import { describe, expect, it } from 'vitest';
import { followMapping, resolveRoster, type SavedMapping } from '../../src/core/roster-mapping';

const saved: SavedMapping = {
  sheet: 'Roster',
  headerRow: 1,
  columns: { name: { column: 1, header: 'Name' }, revenue: { column: 3, header: 'GMV' }, contractEnd: { column: 5, header: 'Date' }, paymentDue: { column: 7, header: 'Date' } },
};
const mappedOf = (headers: unknown[]) =>
  Object.fromEntries(followMapping(saved, headers).filter((f) => f.status !== 'none').map((f) => [f.field, [f.column, f.header, f.status, f.savedColumn]]));

describe('following a confirmed mapping', () => {
  it('keeps every header still in its column', () => {
    expect(mappedOf(['Name', 'Fans', 'GMV', 'x', 'Date', 'y', 'Date'])).toEqual({
      name: [1, 'Name', 'saved', undefined],
      revenue: [3, 'GMV', 'saved', undefined],
      contractEnd: [5, 'Date', 'saved', undefined],
      paymentDue: [7, 'Date', 'saved', undefined],
    });
  });

  it('follows two columns sharing a header to the nearest ones after an insert, each column serving one field', () => {
    expect(mappedOf(['', 'Name', 'Fans', 'GMV', 'x', 'Date', 'y', 'Date'])).toEqual({
      name: [2, 'Name', 'moved', 1],
      revenue: [4, 'GMV', 'moved', 3],
      contractEnd: [6, 'Date', 'moved', 5],
      paymentDue: [8, 'Date', 'moved', 7],
    });
  });

  it('matches a header retyped in full width, another case or with extra spaces, and reports one that is gone', () => {
    expect(mappedOf(['name ', 'ＧＭＶ', 'Date'])).toEqual({
      name: [1, 'name', 'saved', undefined],
      revenue: [2, 'ＧＭＶ', 'moved', 3],
      contractEnd: [3, 'Date', 'moved', 5],
      paymentDue: [null, 'Date', 'missing', undefined],
    });
  });

  it('is the confirmed mapping only on its own sheet and header row; elsewhere the headers are matched afresh', () => {
    const headers = ['Name', 'Followers', 'GMV', 'x', 'Date', 'y', 'Date'];
    expect(resolveRoster(saved, 'Roster', 1, headers)).toMatchObject({ confirmed: true, detection: { columns: { contractEnd: { column: 5 } } } });
    const other = resolveRoster(saved, 'Roster', 2, headers);
    expect(other.confirmed).toBe(false);
    // "Date" alone names the period (ROSTER_FIELDS: '=date'); the first such column takes it.
    expect(other.detection.columns).toEqual({ name: { column: 1, header: 'Name' }, followers: { column: 2, header: 'Followers' }, revenue: { column: 3, header: 'GMV' }, period: { column: 5, header: 'Date' } });
    expect(other.fields.find((f) => f.field === 'followers')).toEqual({ field: 'followers', column: 2, header: 'Followers', status: 'matched' });
  });
});
