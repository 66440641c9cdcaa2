import type { ImportMappingBody, ImportRun } from "@symbiont/contracts";
import { api } from "../../../../lib/api";

/** The partner import endpoints (kept beside the wizard; they use the shared transport). */
export const partnerImports = {
  upload: (fileName: string, contentBase64: string) =>
    api.raw<ImportRun>("POST", "/api/console/partner-imports", { fileName, contentBase64 }),
  get: (id: string, signal?: AbortSignal) =>
    api.raw<ImportRun>("GET", `/api/console/partner-imports/${encodeURIComponent(id)}`, undefined, signal),
  validate: (id: string, body: ImportMappingBody) =>
    api.raw<ImportRun>("PUT", `/api/console/partner-imports/${encodeURIComponent(id)}/mapping`, body),
  start: (id: string) => api.raw<ImportRun>("POST", `/api/console/partner-imports/${encodeURIComponent(id)}/start`),
  recent: (signal?: AbortSignal) =>
    api.raw<{ items: ImportRun[] }>("GET", "/api/console/partner-imports", undefined, signal),
};

/** Reads a File as base64 without blocking on huge strings. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
