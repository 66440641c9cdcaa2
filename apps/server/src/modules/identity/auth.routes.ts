import {
  acceptInvitationBody,
  authSession,
  changePasswordBody,
  completePasswordResetBody,
  idParams,
  invitationPreview,
  loginBody,
  sessionList,
} from "@symbiont/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requestMeta, serviceContext } from "../../platform/http/request-context";
import {
  changePassword,
  completePasswordReset,
  currentSession,
  listMySessions,
  login,
  logout,
  revokeMySession,
} from "./auth.service";
import { clearSessionCookie, guards, setSessionCookie } from "./authenticate";
import { acceptInvitation, previewInvitation } from "./invitations";

const noContent = z.undefined().describe("Done");
const tags = ["auth"];

/** `/api/auth/*`: sign-in and everything a signed-in person does for themselves. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const guard = guards(app.deps);

  app.post(
    "/login",
    {
      schema: {
        operationId: "login",
        tags,
        summary: "Sign in with email and password; sets the session cookie",
        body: loginBody,
        response: { 200: authSession },
      },
    },
    async (request, reply) => {
      const signedIn = await login(app.deps, requestMeta(request), request.body);
      setSessionCookie(reply, app.deps, signedIn.token, signedIn.expiresAt);
      return signedIn.body;
    },
  );

  app.post(
    "/logout",
    {
      onRequest: guard.anyone,
      schema: { operationId: "logout", tags, summary: "Sign out of this session", response: { 204: noContent } },
    },
    async (request, reply) => {
      await logout(serviceContext(request));
      clearSessionCookie(reply, app.deps);
      return reply.status(204).send();
    },
  );

  app.get(
    "/me",
    {
      onRequest: guard.anyone,
      schema: {
        operationId: "getCurrentUser",
        tags,
        summary: "Who is signed in, and the CSRF token for mutations",
        response: { 200: authSession },
      },
    },
    async (request) => currentSession(serviceContext(request)),
  );

  app.post(
    "/password",
    {
      onRequest: guard.anyone,
      schema: {
        operationId: "changePassword",
        tags,
        summary: "Change your password; signs out your other sessions",
        body: changePasswordBody,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await changePassword(serviceContext(request), request.body);
      return reply.status(204).send();
    },
  );

  app.post(
    "/password-reset",
    {
      schema: {
        operationId: "completePasswordReset",
        tags,
        summary: "Set a new password with a single-use reset token",
        body: completePasswordResetBody,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await completePasswordReset(app.deps, requestMeta(request), request.body);
      return reply.status(204).send();
    },
  );

  app.get(
    "/invitations/:token",
    {
      schema: {
        operationId: "previewInvitation",
        tags,
        summary: "What an invitation link offers, before accepting it",
        params: z.object({ token: z.string().min(16).max(200) }),
        response: { 200: invitationPreview },
      },
    },
    async (request) => previewInvitation(app.deps, requestMeta(request), request.params.token),
  );

  app.post(
    "/invitations/accept",
    {
      schema: {
        operationId: "acceptInvitation",
        tags,
        summary: "Create your account from an invitation and sign in",
        body: acceptInvitationBody,
        response: { 200: authSession },
      },
    },
    async (request, reply) => {
      const signedIn = await acceptInvitation(app.deps, requestMeta(request), request.body);
      setSessionCookie(reply, app.deps, signedIn.token, signedIn.expiresAt);
      return signedIn.body;
    },
  );

  app.get(
    "/sessions",
    {
      onRequest: guard.anyone,
      schema: { operationId: "listMySessions", tags, summary: "Your active sessions", response: { 200: sessionList } },
    },
    async (request) => listMySessions(serviceContext(request)),
  );

  app.delete(
    "/sessions/:id",
    {
      onRequest: guard.anyone,
      schema: {
        operationId: "revokeMySession",
        tags,
        summary: "Sign out one of your sessions",
        params: idParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await revokeMySession(serviceContext(request), request.params.id);
      return reply.status(204).send();
    },
  );
};
