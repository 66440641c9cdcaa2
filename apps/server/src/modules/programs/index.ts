export { assertCanManagePrograms, assertCanReadPrograms, programManagers } from "./programs.policies";
export { consoleProgramRoutes, portalProgramRoutes } from "./programs.routes";
export { programMemberships, programs } from "./programs.schema";
export { programsSeed } from "./programs.seed";
export { assertProgramActive, findProgram, loadProgram, type ProgramRow } from "./programs.service";
