import { accountsImportKind } from "./modules/accounts";
import { fxRatesImportKind, opportunitiesImportKind, revenueEventsImportKind } from "./modules/revenue";
import { touchpointsImportKind } from "./modules/touchpoints";
import { registerImportKind } from "./platform/imports";

// Every CSV import kind, registered once per process; the generic import routes, job and CLI
// serve them all. Modules define their kind with `defineImportKind` and add one line here.
export const importKinds = [
  registerImportKind(accountsImportKind),
  registerImportKind(opportunitiesImportKind),
  registerImportKind(revenueEventsImportKind),
  registerImportKind(touchpointsImportKind),
  registerImportKind(fxRatesImportKind),
] as const;
