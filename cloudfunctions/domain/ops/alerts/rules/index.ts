import type { AlertKind, AlertRule } from '../rule';
import { dropKind } from './drop';
import { jumpKind } from './jump';

/** The rule kinds the data may name. */
export const ALERT_KINDS: Readonly<Record<AlertRule['kind'], AlertKind>> = { drop: dropKind, jump: jumpKind };
