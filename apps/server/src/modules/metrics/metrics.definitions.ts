import type { HeadlineMetricKey, MetricDefinition, MetricUnit } from "@symbiont/contracts";

interface Definition {
  label: string;
  unit: MetricUnit;
  formula: string;
  /** True when the figure depends on the attribution model (the model is named beside it). */
  attributed?: boolean;
  caveats?: string;
  /** What the drill-down lists: the deals behind the figure, the cost lines or the spend entries. */
  drill: "won_sourced" | "won_involved" | "closed" | "won" | "open" | "cost_lines" | "spend" | null;
}

/** One definition per headline metric: what the API, the CLI and docs/metrics.md say it is. */
export const headlineDefinitions: Record<HeadlineMetricKey, Definition> = {
  sourced_revenue: {
    label: "Partner-sourced revenue",
    unit: "money",
    formula: "Σ won amount of opportunities whose source is a partner, closed in the period",
    drill: "won_sourced",
  },
  influenced_revenue: {
    label: "Partner-influenced revenue",
    unit: "money",
    formula: "Σ won amount of opportunities with ≥ 1 partner touchpoint or a sourcing partner, closed in the period",
    drill: "won_involved",
  },
  sourced_influenced_ratio: {
    label: "Sourced : influenced",
    unit: "ratio",
    formula: "partner-sourced revenue ÷ partner-influenced revenue",
    drill: "won_sourced",
  },
  attributed_revenue: {
    label: "Partner-attributed revenue",
    unit: "money",
    formula: "Σ over won deals of the partners' credit under the attribution model",
    attributed: true,
    drill: "won_involved",
  },
  won_deals: { label: "Won deals", unit: "count", formula: "# opportunities won in the period", drill: "won" },
  open_deals: {
    label: "Open deals",
    unit: "count",
    formula: "# opportunities open at the end of the period",
    drill: "open",
  },
  win_rate: {
    label: "Win rate",
    unit: "ratio",
    formula: "won ÷ (won + lost), open deals excluded",
    drill: "closed",
  },
  average_won_amount: {
    label: "Average won deal",
    unit: "money",
    formula: "mean amount of won deals (won deals without an amount left out)",
    drill: "won",
  },
  average_cycle_days: {
    label: "Average won cycle",
    unit: "days",
    formula: "mean of close − create over won deals",
    drill: "won",
  },
  median_cycle_days: {
    label: "Median won cycle",
    unit: "days",
    formula: "median of close − create over won deals",
    drill: "won",
  },
  sales_velocity: {
    label: "Sales velocity",
    unit: "money_per_day",
    formula: "(# open deals × average won amount × win rate) ÷ average won cycle in days",
    caveats: "Every open deal counts as qualified until stages carry a qualification flag.",
    drill: "open",
  },
  program_cost: {
    label: "Partner program cost",
    unit: "money",
    formula:
      "Σ cost lines (incentives, MDF, partner team, tooling, other) prorated by the days they share with the period",
    caveats: "Region, role and tier slicers do not narrow costs; program and partner slicers do.",
    drill: "cost_lines",
  },
  ropi: {
    label: "ROPI",
    unit: "ratio",
    formula: "(partner-attributed revenue × gross margin − program cost) ÷ program cost",
    attributed: true,
    caveats: "Gross margin comes from the metric settings; no value without cost lines in the period.",
    drill: "cost_lines",
  },
  cac: {
    label: "CAC",
    unit: "money",
    formula: "(sales + marketing spend in the period) ÷ new customers in the period",
    caveats: "A new customer is an account whose first `new` revenue event falls in the period.",
    drill: "spend",
  },
  partner_cac: {
    label: "Partner CAC",
    unit: "money",
    formula: "partner program cost ÷ new customers with a won partner-sourced deal",
    drill: "cost_lines",
  },
  nrr_partner: {
    label: "NRR, partner-attached",
    unit: "ratio",
    formula:
      "(start recurring revenue + expansion − contraction − churn) ÷ start, accounts with a partner-involved deal",
    caveats: "The cohort is accounts with recurring revenue before the period; new customers are excluded.",
    drill: null,
  },
  nrr_other: {
    label: "NRR, other accounts",
    unit: "ratio",
    formula: "as NRR, over accounts with no partner-involved deal",
    drill: null,
  },
  grr_partner: {
    label: "GRR, partner-attached",
    unit: "ratio",
    formula: "(start − contraction − churn) ÷ start, accounts with a partner-involved deal",
    drill: null,
  },
  grr_other: {
    label: "GRR, other accounts",
    unit: "ratio",
    formula: "as GRR, over accounts with no partner-involved deal",
    drill: null,
  },
};

/** The definitions other metrics (not headline tiles) use, listed for the definitions endpoint. */
const otherDefinitions: MetricDefinition[] = [
  {
    key: "partner_uplift",
    label: "Partner uplift",
    unit: "ratio",
    formula:
      "stratum-weighted difference between partner-involved and direct-only deals (win rate, won amount, won cycle), strata = account segment × deal size band, weights = partner deals per stratum; 95% interval by stratified bootstrap (1,000 resamples, seed 1), Welch's t as a cross-check",
    model: null,
    caveats: "Deals in strata without a counterpart are left out and counted as unmatched.",
    drillable: false,
  },
  {
    key: "engagement_score",
    label: "Engagement score",
    unit: "score",
    formula:
      "100 × Σ_k w_k · normalized_k ÷ Σ_k w_k, normalized_k = (Σ 2^(−age/H) over signal k's events) ÷ the highest partner's value",
    model: null,
    caveats: "Progress signals (onboarding) are shares 0–1, neither decayed nor normalized.",
    drillable: false,
  },
  {
    key: "health_score",
    label: "Ecosystem health",
    unit: "score",
    formula:
      "weighted blend (0–100) of revenue, engagement, enablement, pipeline and relationship components that have data",
    model: null,
    caveats: "Bands: green ≥ 80, yellow 50–79, red < 50 (configurable).",
    drillable: false,
  },
  {
    key: "time_to_first_revenue",
    label: "Time to first revenue",
    unit: "days",
    formula: "first won partner-involved deal's close − partner activation, per activation-month cohort",
    model: null,
    caveats: null,
    drillable: false,
  },
  {
    key: "cltv",
    label: "CLTV",
    unit: "money",
    formula: "ARPA × gross margin ÷ churn rate; cohort CLTV = Σ_t revenue_t × GM ÷ (1 + d)^t ÷ cohort size",
    model: null,
    caveats: null,
    drillable: false,
  },
  {
    key: "reciprocal_lead_sharing",
    label: "Reciprocal lead sharing",
    unit: "ratio",
    formula: "leads sent to the partner ÷ leads received from the partner",
    model: null,
    caveats: "Needs lead data; reads “not available” until leads are recorded.",
    drillable: false,
  },
  {
    key: "market_penetration",
    label: "Market penetration",
    unit: "count",
    formula: "customers and revenue by region or industry, with and without a partner-involved deal",
    model: null,
    caveats: null,
    drillable: false,
  },
];

export function listDefinitions(model: string): MetricDefinition[] {
  const headline = Object.entries(headlineDefinitions).map(([key, definition]) => ({
    key,
    label: definition.label,
    unit: definition.unit,
    formula: definition.formula,
    model: definition.attributed ? model : null,
    caveats: definition.caveats ?? null,
    drillable: definition.drill !== null,
  }));
  return [...headline, ...otherDefinitions];
}
