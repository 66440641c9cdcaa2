import { useRouter } from "@tanstack/react-router";
import { useCallback, useEffect, useState } from "react";

export function useDebouncedValue<T>(value: T, delay = 250): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/**
 * Whether the router's newest location is still `pathname`. Pages that mirror a debounced search
 * into the URL check it first: a click that already navigated away must not be undone by a late
 * "replace" back to the list.
 */
export function useIsLatestPath(): (pathname: string) => boolean {
  const router = useRouter();
  return useCallback((pathname: string) => router.latestLocation.pathname === pathname, [router]);
}

/** Absolute version of a server-provided link that may be relative. */
export function absoluteUrl(url: string): string {
  try {
    return new URL(url, window.location.origin).toString();
  } catch {
    return url;
  }
}
