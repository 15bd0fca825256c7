// Whether the fields of a form may be changed. While the project is open read-only, the forms
// that edit it lock their fields: text stays readable, selectable and copyable (readonly), and
// choices and buttons are disabled, so nobody is invited to make a change that will be refused.
// The form's owner sets it (the inspector, the pilot planner); a field outside such a form (the
// case editor, the print settings) is never locked.
import { getContext, setContext } from "svelte";

export type FieldLock = { readonly locked: boolean };

const KEY = Symbol("casewright-field-lock");
const OPEN: FieldLock = { locked: false };

/** Locks the fields of this component's subtree while `lock.locked` (read it through a getter to follow a state). */
export function lockFields(lock: FieldLock): void {
  setContext(KEY, lock);
}

/** The lock of the form this field is in (never locked outside one). */
export function fieldLock(): FieldLock {
  return getContext<FieldLock | undefined>(KEY) ?? OPEN;
}
