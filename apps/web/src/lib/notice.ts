import { useSyncExternalStore } from "react";

/**
 * One-shot notices that survive a redirect (e.g. "That page is for vendor staff").
 * They live in memory only: a reload drops them, which is what we want.
 */
export interface Notice {
  id: number;
  kind: "surface" | "session";
  message: string;
}

let current: Notice | null = null;
let counter = 0;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export function setNotice(kind: Notice["kind"], message: string): void {
  counter += 1;
  current = { id: counter, kind, message };
  emit();
}

export function clearNotice(id?: number): void {
  if (!current) return;
  if (id !== undefined && current.id !== id) return;
  current = null;
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useNotice(kind: Notice["kind"]): Notice | null {
  const notice = useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
  return notice && notice.kind === kind ? notice : null;
}
