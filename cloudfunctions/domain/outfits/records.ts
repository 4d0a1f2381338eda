import type { Category, Scene } from '../../contract/styleWords';

/** An outfit a member saved: its pieces as they were (names and pictures), so a piece put away later still shows. */
export interface SavedOutfitRecord {
  /** `${memberId}:${key}`: the same pieces saved twice are one outfit */
  _id: string;
  memberId: string;
  key: string;
  pieces: Array<{ id: string; slot: Category; name: string; image: string; source: 'purchase' | 'own' | 'catalogue' }>;
  scene: Scene;
  reason: string;
  savedAt: Date;
}

/** 导购为你搭配: what a store's stylist put together for a member. */
export interface OutfitListRecord {
  _id: string;
  memberId: string;
  storeId: string;
  /** the stylist's name as the member sees it */
  staffName: string;
  title: string;
  note: string;
  items: Array<{ kind: 'product'; sku: string } | { kind: 'wardrobe'; id: string }>;
  createdAt: Date;
  openedAt: Date | null;
}

/** The most outfits one member keeps saved. */
export const SAVED_OUTFITS_QUOTA = 100;

/** An outfit's key: its pieces, in any order (the same pieces are the same outfit). */
export const outfitKey = (pieceIds: readonly string[]) => [...pieceIds].sort().join('+');
