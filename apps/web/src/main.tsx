import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ToastProvider } from "./components/ui/Toast";
import { setUnauthenticatedHandler } from "./lib/api";
import { clearSession } from "./lib/auth";
import { setNotice } from "./lib/notice";
import { queryClient } from "./lib/query";
import { buildRouter } from "./router";
import "./styles.css";

const router = buildRouter(queryClient);

// Any 401 from an authenticated call means the session is gone: forget the user, go sign in.
setUnauthenticatedHandler(() => {
  const { pathname, href } = router.state.location;
  if (pathname === "/login") return;
  clearSession();
  setNotice("session", "Your session has ended. Sign in again to pick up where you left off.");
  void router.navigate({ to: "/login", search: { redirect: href }, replace: true });
});

const container = document.getElementById("root");
if (!container) throw new Error("Missing #root element");

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
