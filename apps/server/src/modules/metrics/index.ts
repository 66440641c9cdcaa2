// Partner metrics: one definition per metric (formulas/), read models, queries and routes.
export * as formulas from "./formulas";
