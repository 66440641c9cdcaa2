// Every metric formula, one definition each (DOMAIN.md §10 as documented in docs/metrics.md).
export * from "./deals";
export * from "./economics";
export * from "./engagement";
export * from "./partners";
export * from "./retention";
export * from "./stats";
export * from "./uplift";
