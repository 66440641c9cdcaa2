import type { AuthSession } from "@symbiont/contracts";
import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, Outlet } from "@tanstack/react-router";
import { NotFoundPage } from "../pages/system";

export interface RouterContext {
  queryClient: QueryClient;
  session?: AuthSession;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});
