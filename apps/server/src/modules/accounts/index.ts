// The vendor's account book. Other modules link to accounts through `ensureAccount`.

export { listAccountActivity } from "./accounts.activity";
export { addDirectEngagement, deleteDirectEngagement, listDirectEngagements } from "./accounts.engagements";
export { type AccountRow, type EnsureAccountInput, ensureAccount } from "./accounts.ensure";
export { type AccountImportRow, accountImportFields, accountsImportKind } from "./accounts.import";
export { type AccountMatchKeys, accountMatchKeys } from "./accounts.keys";
export { changeListMembers, createAccountList, listAccountLists } from "./accounts.lists";
export { consoleAccountListRoutes } from "./accounts.lists.routes";
export { accountWriters } from "./accounts.policies";
export {
  accountFilterWhere,
  findAccountRecords,
  findAccountsByIds,
  getAccount,
  listAccounts,
} from "./accounts.queries";
export { consoleAccountRoutes } from "./accounts.routes";
export { accountListMembers, accountLists, accounts, directEngagements } from "./accounts.schema";
export {
  bulkUpsertAccounts,
  changeAccountStatus,
  createAccount,
  updateAccount,
  upsertAccountByExternalId,
} from "./accounts.service";
export { type AccountUpsertOutcome, type AccountUpsertRow, upsertAccounts } from "./accounts.upsert";
