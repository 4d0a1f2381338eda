/** The shapes a readable export is made of, and the wording of times and points its sections share. */
import type { ActionOutput } from '../../../../cloudfunctions/contract';
import { shopDateTime, thousands } from '../../../services/format';

export type MemberExport = ActionOutput<'member', 'export'>;

/** One "label: value" line. */
export interface Field {
  label: string;
  value: string;
}
/** One record of a section (an order, a coupon, a message): a heading, a line under it, its fields. */
export interface Entry {
  key: string;
  title: string;
  /** shown on the heading's right: an amount, a date */
  aside?: string;
  /** a quiet line under the heading: when, where */
  note?: string;
  fields: Field[];
}
/** A part of the export with a Chinese heading: facts first, then its records. */
export interface DataSection {
  id: string;
  title: string;
  fields: Field[];
  entries: Entry[];
  /** what the section says when it has no records */
  none: string;
}

export const when = (iso: string | null | undefined, none = '无') => (iso ? shopDateTime(iso) : none);
export const points = (n: number) => `${thousands(n)} 分`;
export const signedPoints = (n: number) => `${n > 0 ? '+' : ''}${thousands(n)} 分`;
