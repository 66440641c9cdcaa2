import { type ErrorComponentProps, Link } from "@tanstack/react-router";
import { type ReactNode, useEffect } from "react";
import { buttonClasses } from "../components/ui/Button";
import { AlertIcon, CompassIcon } from "../components/ui/icons";
import { Logo } from "../components/ui/Logo";
import { isApiError } from "../lib/api";
import { errorMessage } from "../lib/forms";
import { useInShell } from "../lib/shell";

export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Symbiont` : "Symbiont";
  }, [title]);
}

/** Friendly 404, rendered inside whichever shell the unknown URL falls under. */
export function NotFoundPage() {
  const inShell = useInShell();
  useDocumentTitle("Page not found");
  const content = (
    <div className="flex min-h-[60vh] flex-col items-center justify-center px-6 py-16 text-center">
      <div className="mb-5 flex size-14 items-center justify-center rounded-2xl bg-brand-50 text-3xl text-brand-700 ring-1 ring-brand-600/10">
        <CompassIcon />
      </div>
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">We couldn't find that page</h1>
      <p className="mt-2 max-w-md text-sm text-slate-500">
        The link may be old, or the page may have moved. Check the address, or head back to somewhere familiar.
      </p>
      <div className="mt-6 flex gap-3">
        <Link to="/" className={buttonClasses("primary")}>
          Go to my home page
        </Link>
        <button type="button" onClick={() => window.history.back()} className={buttonClasses("secondary")}>
          Go back
        </button>
      </div>
    </div>
  );
  return inShell ? content : <AuthFrame wide>{content}</AuthFrame>;
}

export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  useDocumentTitle("Something went wrong");
  return (
    <div role="alert" className="flex min-h-[60vh] flex-col items-center justify-center px-6 py-16 text-center">
      <div className="mb-5 flex size-14 items-center justify-center rounded-2xl bg-red-50 text-3xl text-red-600 ring-1 ring-red-600/10">
        <AlertIcon />
      </div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Something went wrong</h1>
      <p className="mt-2 max-w-md text-sm text-slate-500">{errorMessage(error)}</p>
      {isApiError(error) && error.requestId ? (
        <p className="mt-1 text-xs text-slate-400">Reference: {error.requestId}</p>
      ) : null}
      <div className="mt-6 flex gap-3">
        <button type="button" onClick={() => reset()} className={buttonClasses("primary")}>
          Try again
        </button>
        <a href="/" className={buttonClasses("secondary")}>
          Reload Symbiont
        </a>
      </div>
    </div>
  );
}

/** Centered card frame for the signed-out pages (login, invitation, password reset). */
export function AuthFrame({
  children,
  footer,
  wide = false,
}: {
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className="relative flex min-h-screen flex-col bg-slate-50">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 h-80 bg-gradient-to-b from-brand-100/70 to-transparent"
      />
      <header className="relative px-6 pt-8 sm:px-10">
        <Link to="/" className="inline-flex rounded-md" aria-label="Symbiont home">
          <Logo />
        </Link>
      </header>
      <main id="main" className="relative flex flex-1 items-start justify-center px-4 pt-10 pb-16 sm:pt-16">
        <div className={wide ? "w-full max-w-2xl" : "w-full max-w-md"}>{children}</div>
      </main>
      <footer className="relative px-6 pb-6 text-center text-xs text-slate-500">
        {footer ?? "Symbiont — open-source partner relationship management."}
      </footer>
    </div>
  );
}
