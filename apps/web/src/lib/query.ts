import { QueryClient } from "@tanstack/react-query";
import { isApiError } from "./api";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => {
        if (isApiError(error) && error.status > 0 && error.status < 500) return false;
        return failureCount < 2;
      },
    },
    mutations: { retry: false },
  },
});

/**
 * `placeholderData` for paged lists whose query key ends with the offset: the previous page stays on
 * screen while the next page of the same list loads, but a different list (another drill-down in
 * the same dialog) starts empty instead of showing the last one's rows under its own title.
 */
export function keepPreviousPageOf(queryKey: readonly unknown[]) {
  const list = JSON.stringify(queryKey.slice(0, -1));
  return <T>(previous: T | undefined, previousQuery?: { queryKey: readonly unknown[] }) =>
    previousQuery && JSON.stringify(previousQuery.queryKey.slice(0, -1)) === list ? previous : undefined;
}
