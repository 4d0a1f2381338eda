import type { AlertItem } from '../../../contract/opsDashboard';
import { toIso } from '../../time';
import { type StoreAlert, UNITS } from './alert';
import { dayText } from './calendar';

/** An alert as the manager's list shows it: who handled it by name, never by openid. */
export function alertItem(a: StoreAlert): AlertItem {
  return {
    alertId: a._id,
    rule: a.rule,
    ruleName: a.ruleName,
    day: a.day,
    dayText: dayText(a.day),
    value: a.value,
    unit: UNITS[a.metric]?.unit ?? '',
    baseline: a.baseline,
    text: a.text,
    raisedAt: toIso(a.raisedAt),
    state: a.state,
    closedBy: a.closedBy?.name ?? null,
    closedAt: a.closedAt ? toIso(a.closedAt) : null,
  };
}
