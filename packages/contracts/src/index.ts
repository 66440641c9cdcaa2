export * from "./audit";
export * from "./common";
export * from "./errors";
export * from "./identity";
export * from "./partner-domain";
export * from "./partners";
export * from "./roles";
