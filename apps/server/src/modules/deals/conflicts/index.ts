// Public API of the deal-registration conflict engine (pure; the deals module supplies storage).
export {
  blockingKeys,
  CandidateIndex,
  type CandidateSearchOptions,
  keyFrequencyFromStats,
  nameKeys,
  probeNameKeys,
} from "./blocking";
export {
  type CandidateQueryOptions,
  type CandidateRow,
  candidateColumns,
  candidateQuery,
  probeLookupValues,
  rowToCandidate,
  type SqlQuery,
} from "./candidate-query";
export { checkConflicts, decideMatch, describeMatch, partnerView } from "./decide";
export {
  compactName,
  companyDomain,
  emailDomain,
  foldText,
  isFreeMailDomain,
  nameTokens,
  normalizeCompanyName,
  normalizeCountry,
  registrableDomain,
  toE164,
} from "./normalize";
export {
  compareNames,
  jaroWinkler,
  normalizeCandidate,
  normalizeProbe,
  scoreCandidate,
  trigramSimilarity,
} from "./score";
export * from "./types";
