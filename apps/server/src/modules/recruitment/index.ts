import "./recruitment.events";

export { consoleRecruitmentRoutes, publicApplyRoutes } from "./recruitment.routes";
export { recruitmentSeed } from "./recruitment.seed";
