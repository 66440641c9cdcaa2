import { completePasswordResetBody } from "@symbiont/contracts";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { Alert } from "../components/ui/Alert";
import { Button, buttonClasses } from "../components/ui/Button";
import { Card } from "../components/ui/Card";
import { Input } from "../components/ui/Field";
import { CheckIcon, KeyIcon } from "../components/ui/icons";
import { ApiError, api } from "../lib/api";
import { errorMessage, type FieldErrors, fieldErrorsFromApi, PASSWORD_HINT, validate } from "../lib/forms";
import { AuthFrame, useDocumentTitle } from "./system";

const route = getRouteApi("/reset-password");

export function ResetPasswordPage() {
  useDocumentTitle("Reset password");
  const { token } = route.useSearch();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<FieldErrors<"newPassword" | "confirm">>({});

  const reset = useMutation({
    mutationFn: api.auth.resetPassword,
    onError: (error) => setErrors(fieldErrorsFromApi(error)),
  });

  if (!token) {
    return (
      <AuthFrame>
        <Card className="p-8 text-center">
          <div className="mx-auto mb-4 flex size-12 items-center justify-center rounded-2xl bg-amber-50 text-2xl text-amber-700">
            <KeyIcon />
          </div>
          <h1 className="text-xl font-semibold text-slate-900">Reset password</h1>
          <p className="mt-2 text-sm text-slate-500">
            This page needs the link from your password reset message. Open the full link, or ask an admin in your
            workspace for a new one.
          </p>
          <Link to="/login" className={buttonClasses("secondary", "md", "mt-6")}>
            Go to sign in
          </Link>
        </Card>
      </AuthFrame>
    );
  }

  if (reset.isSuccess) {
    return (
      <AuthFrame>
        <Card className="p-8 text-center">
          <div className="mx-auto mb-4 flex size-12 items-center justify-center rounded-2xl bg-emerald-50 text-2xl text-emerald-700">
            <CheckIcon />
          </div>
          <h1 className="text-xl font-semibold text-slate-900">Your password has been reset</h1>
          <p role="status" className="mt-2 text-sm text-slate-500">
            Sign in with your new password. Any other sessions were signed out.
          </p>
          <Link to="/login" className={buttonClasses("primary", "md", "mt-6")}>
            Sign in
          </Link>
        </Card>
      </AuthFrame>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(completePasswordResetBody, { token, newPassword: password });
    const next: FieldErrors<"newPassword" | "confirm"> = {};
    if (!result.ok) next.newPassword = result.errors.newPassword ?? result.errors.token;
    if (password && confirm !== password) next.confirm = "The passwords don't match";
    if (!result.ok || next.confirm) {
      setErrors(next);
      return;
    }
    setErrors({});
    reset.mutate(result.data);
  }

  const tokenInvalid = reset.error instanceof ApiError && reset.error.code === "AUTH_RESET_TOKEN_INVALID";

  return (
    <AuthFrame>
      <div className="mb-6 text-center">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Choose a new password</h1>
        <p className="mt-1.5 text-sm text-slate-500">Once it's set, every other session is signed out.</p>
      </div>
      <Card className="p-6 sm:p-8">
        {reset.isError ? (
          <Alert
            tone="danger"
            title={tokenInvalid ? "This reset link is no longer valid" : "We couldn't reset your password"}
            className="mb-5"
          >
            {tokenInvalid
              ? "Reset links work once and expire after a short time. Ask an admin in your workspace for a new one."
              : errorMessage(reset.error)}
          </Alert>
        ) : null}
        <form noValidate onSubmit={onSubmit} className="space-y-5" aria-label="Reset password">
          <Input
            label="New password"
            type="password"
            name="newPassword"
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={errors.newPassword}
            hint={PASSWORD_HINT}
          />
          <Input
            label="Confirm new password"
            type="password"
            name="confirm"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
            error={errors.confirm}
          />
          <Button type="submit" size="lg" className="w-full" loading={reset.isPending} loadingText="Saving…">
            Set new password
          </Button>
        </form>
      </Card>
    </AuthFrame>
  );
}
