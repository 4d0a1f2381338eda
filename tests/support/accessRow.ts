/**
 * One row of an access table (tests/support/staffAccess.ts, opsAccess.ts): an action, the input it
 * is tried with from the table's world, and what each of the table's callers must get.
 */
export interface AccessRow<World, Caller extends string, Expected extends string> {
  action: string;
  /** what the row means, when one action has several rows */
  with?: string;
  input(w: World): Promise<Record<string, unknown>> | Record<string, unknown>;
  expect: Record<Caller, Expected>;
}
