import { loginBody } from "@symbiont/contracts";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Alert } from "../components/ui/Alert";
import { Button } from "../components/ui/Button";
import { Card } from "../components/ui/Card";
import { Input } from "../components/ui/Field";
import { ApiError, api } from "../lib/api";
import { postLoginTarget, storeSession } from "../lib/auth";
import { type FieldErrors, fieldErrorsFromApi, validate } from "../lib/forms";
import { clearNotice, useNotice } from "../lib/notice";
import { AuthFrame, useDocumentTitle } from "./system";

const route = getRouteApi("/login");

interface Problem {
  title: string;
  body?: string;
}

function describeLoginError(error: unknown): Problem {
  if (!(error instanceof ApiError)) return { title: "Sign-in failed", body: "Please try again." };
  switch (error.code) {
    case "AUTH_INVALID_CREDENTIALS":
      return {
        title: "Email or password is incorrect",
        body: "Check both and try again. Several wrong attempts in a row will lock the account for a while.",
      };
    case "AUTH_ACCOUNT_LOCKED":
      return { title: "This account is temporarily locked", body: error.message };
    case "AUTH_ACCOUNT_DISABLED":
      return {
        title: "This account has been disabled",
        body: "Ask an admin in your workspace to re-enable it if you still need access.",
      };
    case "RATE_LIMITED":
      return {
        title: "Too many sign-in attempts",
        body: "For your security, wait a minute before trying again.",
      };
    case "VALIDATION_FAILED":
      return { title: "Check the highlighted fields" };
    case "NETWORK_ERROR":
      return { title: "Symbiont can't be reached", body: error.message };
    default:
      return { title: "Sign-in failed", body: error.message };
  }
}

export function LoginPage() {
  useDocumentTitle("Sign in");
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const sessionNotice = useNotice("session");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors<"email" | "password">>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    emailRef.current?.focus();
  }, []);

  const login = useMutation({
    mutationFn: api.auth.login,
    onSuccess: async (session) => {
      storeSession(session);
      if (sessionNotice) clearNotice(sessionNotice.id);
      await navigate({ href: postLoginTarget(session.user, redirect), replace: true });
    },
    onError: (error) => {
      setErrors(fieldErrorsFromApi(error));
      setProblem(describeLoginError(error));
      if (error instanceof ApiError && error.code === "AUTH_INVALID_CREDENTIALS") {
        setPassword("");
        passwordRef.current?.focus();
      }
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const result = validate(loginBody, { email, password });
    if (!result.ok) {
      setErrors(result.errors);
      if (result.errors.email) emailRef.current?.focus();
      else passwordRef.current?.focus();
      return;
    }
    setErrors({});
    login.mutate(result.data);
  }

  return (
    <AuthFrame>
      <div className="mb-6 text-center">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Sign in to Symbiont</h1>
        <p className="mt-1.5 text-sm text-slate-500">Partner programs that prove what partners are worth.</p>
      </div>

      <Card className="p-6 sm:p-8">
        {sessionNotice && !problem ? (
          <Alert tone="info" className="mb-5" onDismiss={() => clearNotice(sessionNotice.id)}>
            {sessionNotice.message}
          </Alert>
        ) : null}
        {problem ? (
          <Alert tone="danger" title={problem.title} className="mb-5">
            {problem.body}
          </Alert>
        ) : null}

        <form data-testid="login-form" noValidate onSubmit={onSubmit} className="space-y-5" aria-label="Sign in">
          <Input
            ref={emailRef}
            label="Work email"
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={errors.email}
          />
          <Input
            ref={passwordRef}
            label="Password"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={errors.password}
          />
          <Button type="submit" size="lg" className="w-full" loading={login.isPending} loadingText="Signing in…">
            Sign in
          </Button>
        </form>
      </Card>

      <p className="mt-6 text-center text-sm text-slate-500">
        Forgot your password? Ask an admin in your workspace for a reset link.
        <br />
        New here? You join Symbiont through an invitation from your workspace.
      </p>
    </AuthFrame>
  );
}
