import { describe, expect, it } from 'vitest';
import { isReleased } from './release';

const rank = (value: number) => ({ groupId: `g${value}`, rank: value });

describe('isReleased', () => {
  it('releases groups up to the rank everywhere when no sites are named', () => {
    const release = { upToRank: 2 };
    expect(isReleased(rank(1), release)).toBe(true);
    expect(isReleased(rank(2), release, 'site-north')).toBe(true);
    expect(isReleased(rank(3), release)).toBe(false);
    expect(isReleased(rank(3), release, 'site-north')).toBe(false);
  });

  it('releases only at the named sites when sites are named', () => {
    const release = { upToRank: 2, siteIds: ['site-north'] };
    expect(isReleased(rank(2), release, 'site-north')).toBe(true);
    expect(isReleased(rank(2), release, 'site-south')).toBe(false);
    expect(isReleased(rank(2), release)).toBe(false); // a per-site release needs a site
    expect(isReleased(rank(3), release, 'site-north')).toBe(false);
    expect(isReleased(rank(1), { upToRank: 5, siteIds: [] }, 'site-north')).toBe(false);
  });

  it('never releases a registration without a group, nor anything at rank 0', () => {
    expect(isReleased(null, { upToRank: 1000 })).toBe(false);
    expect(isReleased(rank(1), { upToRank: 0 })).toBe(false);
  });
});
