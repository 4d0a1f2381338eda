/** Raised where the platform would fail a write on a unique index (wire code DATABASE_REQUEST_FAILED). */
export class DuplicateKeyError extends Error {
  constructor(collection: string, index: string, key: string) {
    super(`E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${key}`);
  }
}

/** Raised where the platform does something mingo cannot: the caller must know, not get a quiet wrong answer. */
export class UnsupportedByStandIn extends Error {}

/** Data the platform refuses to store (wire code DATABASE_REQUEST_FAILED), e.g. a field name starting with $. */
export class RefusedWrite extends Error {}

/** Misuse the platform would not catch for you (e.g. a where() inside a transaction): fail loudly. */
export class TransactionMisuse extends Error {}
