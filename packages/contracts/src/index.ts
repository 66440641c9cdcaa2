export * from "./audit";
export * from "./common";
export * from "./errors";
export * from "./identity";
export * from "./partners";
export * from "./roles";
