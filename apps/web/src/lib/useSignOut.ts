import { useRouter } from "@tanstack/react-router";
import { useCallback } from "react";
import { api } from "./api";
import { clearSession } from "./auth";

export function useSignOut() {
  const router = useRouter();
  return useCallback(async () => {
    try {
      await api.auth.logout();
    } catch {
      // Signing out locally is what matters; the cookie expires on its own.
    }
    clearSession();
    await router.navigate({ to: "/login", search: {} });
  }, [router]);
}
