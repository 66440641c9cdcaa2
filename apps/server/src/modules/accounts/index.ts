// The vendor's account book. Other modules link to accounts through `ensureAccount`.
export { type AccountRow, type EnsureAccountInput, ensureAccount } from "./accounts.ensure";
export { type AccountImportRow, accountImportFields, accountsImportKind } from "./accounts.import";
export { type AccountMatchKeys, accountMatchKeys } from "./accounts.keys";
export { accountListMembers, accountLists, accounts, directEngagements } from "./accounts.schema";
export { type AccountUpsertOutcome, type AccountUpsertRow, upsertAccounts } from "./accounts.upsert";
