import { type JoinLink, parseJoinQuery, parseScannedPath } from '../../src/services/joinLink';

const link = (storeId: string | null, ref: string | null = null): JoinLink => ({ storeId, ref });

describe('parseJoinQuery reads the store and the inviter from a join page query', () => {
  it.each<[string, Record<string, string | undefined>, JoinLink]>([
    // a store's mini program code: the scene arrives URL-encoded
    ['a store code, scene once-encoded', { scene: 's%3DS001' }, link('S001')],
    ['a store code, scene twice-encoded', { scene: 's%253DS001' }, link('S001')],
    ['a store code already decoded', { scene: 's=S001' }, link('S001')],
    ['a shared code with an invite, once-encoded', { scene: 's%3DS001%26r%3DAB12CD' }, link('S001', 'AB12CD')],
    ['a shared code with an invite, twice-encoded', { scene: 's%253DS001%2526r%253DAB12CD' }, link('S001', 'AB12CD')],
    ['a shared code with an invite, decoded', { scene: 's=S001&r=AB12CD' }, link('S001', 'AB12CD')],
    ['a plain link', { storeId: 'S001', ref: 'AB12CD' }, link('S001', 'AB12CD')],
    ['a plain link with encoded values', { storeId: 'S%30%30%31', ref: 'AB12CD' }, link('S001', 'AB12CD')],
    ['a plain link without an inviter', { storeId: 'S001' }, link('S001')],
    ['the longest store id (16 characters)', { storeId: 'S123456789ABCDEF' }, link('S123456789ABCDEF')],
    ['the scene wins over a plain storeId', { scene: 's%3DS002', storeId: 'S001' }, link('S002')],
    ['a bad scene store falls back to the plain storeId', { scene: 's%3Ds002', storeId: 'S001' }, link('S001')],
    ['nothing at all', {}, link(null)],
    ['empty values', { scene: '', storeId: '', ref: '' }, link(null)],
    ['undefined values', { scene: undefined, storeId: undefined }, link(null)],
  ])('%s', (_name, query, expected) => {
    expect(parseJoinQuery(query)).toEqual(expected);
  });
});

describe('parseJoinQuery ignores anything that does not look right, never sending it on', () => {
  it.each<[string, Record<string, string>, JoinLink]>([
    ['a lowercase store id', { storeId: 's001' }, link(null)],
    ['a lowercase store id in the scene', { scene: 's%3Ds001' }, link(null)],
    ['a store id that is too long', { storeId: 'S123456789ABCDEFG' }, link(null)],
    ['a store id of one letter', { storeId: 'S' }, link(null)],
    ['a store id with a space', { storeId: 'S001%20' }, link(null)],
    ['script text as the store', { storeId: '<script>alert(1)</script>' }, link(null)],
    ['encoded script text in the scene', { scene: encodeURIComponent('s=<img src=x onerror=alert(1)>') }, link(null)],
    ['script text as the inviter', { storeId: 'S001', ref: '"><script>' }, link('S001')],
    ['an inviter code that is too short', { storeId: 'S001', ref: 'AB1' }, link('S001')],
    ['an inviter code that is too long', { storeId: 'S001', ref: 'A'.repeat(17) }, link('S001')],
    ['an inviter code with punctuation', { scene: 's%3DS001%26r%3DAB-12' }, link('S001')],
    ['bad percent-encoding in the store', { storeId: '%E0%A4%A' }, link(null)],
    ['bad percent-encoding in a plain inviter', { storeId: 'S001', ref: 'AB%ZZ' }, link('S001')],
    ['bad percent-encoding in the scene: the store read, the broken inviter dropped', { scene: 's=S001&r=%ZZ12' }, link('S001')],
    ['a scene that is not key=value at all', { scene: 'S001' }, link(null)],
    ['other keys in the scene', { scene: 'store%3DS001%26ref%3DAB12CD' }, link(null)],
  ])('%s', (_name, query, expected) => {
    expect(parseJoinQuery(query)).toEqual(expected);
  });
});

describe('parseScannedPath takes only this app’s join page from a scanned code', () => {
  it.each<[string, string | undefined, JoinLink | null]>([
    ['a store code', 'packages/join/index?scene=s%3DS001', link('S001')],
    ['a store code printed before the join page moved (its old path)', 'pages/join/index?scene=s%3DS001', link('S001')],
    ['a shared code with an invite, new path', 'packages/join/index?scene=s%3DS001%26r%3DAB12CD', link('S001', 'AB12CD')],
    ['a store code with a leading slash', '/pages/join/index?scene=s%3DS001', link('S001')],
    ['a shared code with an invite', 'pages/join/index?scene=s%3DS001%26r%3DAB12CD', link('S001', 'AB12CD')],
    ['a plain join link', 'pages/join/index?storeId=S001&ref=AB12CD', link('S001', 'AB12CD')],
    ['the card page', 'pages/card/index?scene=s%3DS001', null],
    ['the me page', 'pages/me/index?storeId=S001', null],
    ['a page whose name only starts like the join page', 'pages/join/index2?storeId=S001', null],
    ['a page named like it elsewhere', 'pages/joinus/index?storeId=S001', null],
    ['the join page with no store', 'pages/join/index', null],
    ['the join page with only an inviter', 'pages/join/index?ref=AB12CD', null],
    ['the join page with a malformed store', 'pages/join/index?scene=s%3Ds001', null],
    ['an empty path', '', null],
    ['no path (a plain QR code, not a mini program code)', undefined, null],
  ])('%s', (_name, path, expected) => {
    expect(parseScannedPath(path)).toEqual(expected);
  });
});
