import { consentLog, type Member } from '../../domain/member';
import { toIso } from '../../domain/time';

/** The consent record as the consent action answers it and the export carries it. */
export function consentView(m: Member) {
  return {
    privacy: { accepted: true, version: m.consent.privacy.version, acceptedAt: toIso(m.consent.privacy.acceptedAt) },
    marketing: { optIn: m.consent.marketing.optIn, changedAt: toIso(m.consent.marketing.changedAt) },
    history: consentLog(m).map((e) => ({ kind: e.kind, granted: e.granted, at: toIso(e.at), ...(e.version ? { version: e.version } : {}) })),
  };
}
