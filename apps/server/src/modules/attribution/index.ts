export { attributionUsage, runAttributionCommand } from "./attribution.cli";
export * from "./engine";
