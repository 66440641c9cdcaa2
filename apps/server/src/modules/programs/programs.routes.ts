import {
  addProgramMembersBody,
  addProgramMembersResult,
  createProgramBody,
  idParams,
  portalProgramList,
  programList,
  programListQuery,
  programMemberPage,
  programMemberParams,
  programMemberQuery,
  programRecord,
  updateProgramBody,
} from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { serviceContext } from "../../platform/http/request-context";
import { addProgramMembers, listOwnPrograms, listProgramMembers, removeProgramMember } from "./programs.members";
import { createProgram, getProgram, listPrograms, setProgramArchived, updateProgram } from "./programs.service";

const tags = ["programs"];
const noContent = z.undefined().describe("Done");

export const consoleProgramRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/programs",
    {
      schema: {
        operationId: "consoleListPrograms",
        tags,
        summary: "Partner programs (archived ones on request)",
        querystring: programListQuery,
        response: { 200: programList },
      },
    },
    async (request) => listPrograms(serviceContext(request), request.query),
  );
  app.post(
    "/programs",
    {
      schema: {
        operationId: "consoleCreateProgram",
        tags,
        summary: "Create a program (admins and partner managers)",
        body: createProgramBody,
        response: { 201: programRecord },
      },
    },
    async (request, reply) => reply.status(201).send(await createProgram(serviceContext(request), request.body)),
  );
  app.get(
    "/programs/:id",
    {
      schema: { operationId: "consoleGetProgram", tags, params: idParams, response: { 200: programRecord } },
    },
    async (request) => getProgram(serviceContext(request), request.params.id),
  );
  app.patch(
    "/programs/:id",
    {
      schema: {
        operationId: "consoleUpdateProgram",
        tags,
        summary: "Change a program's settings",
        params: idParams,
        body: updateProgramBody,
        response: { 200: programRecord },
      },
    },
    async (request) => updateProgram(serviceContext(request), request.params.id, request.body),
  );
  app.post(
    "/programs/:id/archive",
    {
      schema: {
        operationId: "consoleArchiveProgram",
        tags,
        summary: "Archive a program: no evaluations, applications or new members",
        params: idParams,
        response: { 200: programRecord },
      },
    },
    async (request) => setProgramArchived(serviceContext(request), request.params.id, true),
  );
  app.post(
    "/programs/:id/restore",
    {
      schema: {
        operationId: "consoleRestoreProgram",
        tags,
        summary: "Bring an archived program back",
        params: idParams,
        response: { 200: programRecord },
      },
    },
    async (request) => setProgramArchived(serviceContext(request), request.params.id, false),
  );
  app.get(
    "/programs/:id/members",
    {
      schema: {
        operationId: "consoleListProgramMembers",
        tags,
        summary: "The partners of a program, with their tier",
        params: idParams,
        querystring: programMemberQuery,
        response: { 200: programMemberPage },
      },
    },
    async (request) => listProgramMembers(serviceContext(request), request.params.id, request.query),
  );
  app.post(
    "/programs/:id/members",
    {
      schema: {
        operationId: "consoleAddProgramMembers",
        tags,
        summary: "Add partners to a program at its entry tier",
        params: idParams,
        body: addProgramMembersBody,
        response: { 200: addProgramMembersResult },
      },
    },
    async (request) => addProgramMembers(serviceContext(request), request.params.id, request.body),
  );
  app.delete(
    "/programs/:id/members/:partnerId",
    {
      schema: {
        operationId: "consoleRemoveProgramMember",
        tags,
        summary: "Take a partner out of a program",
        params: programMemberParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await removeProgramMember(serviceContext(request), request.params.id, request.params.partnerId);
      return reply.status(204).send();
    },
  );
};

export const portalProgramRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/programs",
    {
      schema: {
        operationId: "portalListOwnPrograms",
        tags,
        summary: "The programs your organization belongs to, with your tier and benefits",
        response: { 200: portalProgramList },
      },
    },
    async (request) => listOwnPrograms(serviceContext(request)),
  );
};
