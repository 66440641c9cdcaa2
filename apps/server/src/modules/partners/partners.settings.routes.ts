import {
  createCustomFieldBody,
  customFieldDefinition,
  customFieldDefinitionList,
  idParams,
  partnerDirectorySettings,
  updateCustomFieldBody,
} from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { serviceContext } from "../../platform/http/request-context";
import {
  createCustomField,
  deleteCustomField,
  getDirectorySettings,
  listCustomFields,
  putDirectorySettings,
  updateCustomField,
} from "./partners.settings";

const tags = ["partners"];
const noContent = z.undefined().describe("Done");

/** Custom field definitions and directory settings (admins write; every staff member reads). */
export const consolePartnerSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/partner-custom-fields",
    {
      schema: {
        operationId: "consoleListPartnerCustomFields",
        tags,
        summary: "Custom fields defined on partners",
        response: { 200: customFieldDefinitionList },
      },
    },
    async (request) => listCustomFields(serviceContext(request)),
  );
  app.post(
    "/partner-custom-fields",
    {
      schema: {
        operationId: "consoleCreatePartnerCustomField",
        tags,
        summary: "Define a custom field (admins)",
        body: createCustomFieldBody,
        response: { 201: customFieldDefinition },
      },
    },
    async (request, reply) => reply.status(201).send(await createCustomField(serviceContext(request), request.body)),
  );
  app.patch(
    "/partner-custom-fields/:id",
    {
      schema: {
        operationId: "consoleUpdatePartnerCustomField",
        tags,
        summary: "Change a custom field's label, options, flags or position (admins); key and type are fixed",
        params: idParams,
        body: updateCustomFieldBody,
        response: { 200: customFieldDefinition },
      },
    },
    async (request) => updateCustomField(serviceContext(request), request.params.id, request.body),
  );
  app.delete(
    "/partner-custom-fields/:id",
    {
      schema: {
        operationId: "consoleDeletePartnerCustomField",
        tags,
        summary: "Delete a custom field and its values (admins)",
        params: idParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await deleteCustomField(serviceContext(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    "/partner-directory-settings",
    {
      schema: {
        operationId: "consoleGetPartnerDirectorySettings",
        tags,
        summary: "Which standard fields partner admins may edit themselves",
        response: { 200: partnerDirectorySettings },
      },
    },
    async (request) => getDirectorySettings(serviceContext(request)),
  );
  app.put(
    "/partner-directory-settings",
    {
      schema: {
        operationId: "consolePutPartnerDirectorySettings",
        tags,
        summary: "Choose which standard fields partner admins may edit (admins)",
        body: partnerDirectorySettings,
        response: { 200: partnerDirectorySettings },
      },
    },
    async (request) => putDirectorySettings(serviceContext(request), request.body),
  );
};
