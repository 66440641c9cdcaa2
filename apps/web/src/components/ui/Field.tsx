import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";
import { cn } from "../../lib/format";

interface FieldChrome {
  label: ReactNode;
  /** Shown under the control; linked with aria-describedby. */
  hint?: ReactNode;
  /** Error text; sets aria-invalid and is linked with aria-describedby. */
  error?: string | undefined;
  /** Visually hide the label but keep it for assistive tech. */
  hideLabel?: boolean;
  /** Append "(optional)" to the label. Required fields are the norm and are not marked. */
  optional?: boolean;
  className?: string;
}

const controlBase =
  "block w-full rounded-lg border bg-white px-3 text-sm text-slate-900 shadow-xs transition-colors " +
  "placeholder:text-slate-400 focus:outline-2 focus:outline-offset-0 " +
  "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500";

function controlState(invalid: boolean) {
  return invalid
    ? "border-red-400 focus:border-red-500 focus:outline-red-500/30"
    : "border-slate-300 hover:border-slate-400 focus:border-brand-600 focus:outline-brand-600/25";
}

function useFieldIds(hint: ReactNode, error: string | undefined, describedBy: string | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described = [describedBy, errorId, hintId].filter(Boolean).join(" ") || undefined;
  return { id, hintId, errorId, described };
}

function FieldFrame({
  id,
  label,
  hint,
  hintId,
  error,
  errorId,
  hideLabel,
  optional,
  className,
  children,
}: FieldChrome & {
  id: string;
  hintId: string | undefined;
  errorId: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className={cn("block text-sm font-medium text-slate-800", hideLabel && "sr-only")}>
        {label}
        {optional ? <span className="ml-1 font-normal text-slate-500">(optional)</span> : null}
      </label>
      {children}
      {error ? (
        <p id={errorId} className="flex items-start gap-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export type InputProps = FieldChrome &
  Omit<InputHTMLAttributes<HTMLInputElement>, "className"> & { leading?: ReactNode; ref?: Ref<HTMLInputElement> };

export function Input({
  label,
  hint,
  error,
  hideLabel,
  optional,
  className,
  leading,
  id: givenId,
  ref,
  ...props
}: InputProps) {
  const ids = useFieldIds(hint, error, props["aria-describedby"]);
  const id = givenId ?? ids.id;
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      hintId={ids.hintId}
      error={error}
      errorId={ids.errorId}
      hideLabel={hideLabel}
      optional={optional}
      className={className}
    >
      <div className="relative">
        {leading ? (
          <span className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-slate-400">
            {leading}
          </span>
        ) : null}
        <input
          ref={ref}
          id={id}
          {...props}
          aria-invalid={error ? true : undefined}
          aria-describedby={ids.described}
          className={cn(controlBase, controlState(Boolean(error)), "h-10", leading ? "pl-9" : undefined)}
        />
      </div>
    </FieldFrame>
  );
}

export type SelectProps = FieldChrome &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "className"> & { children: ReactNode };

export function Select({
  label,
  hint,
  error,
  hideLabel,
  optional,
  className,
  children,
  id: givenId,
  ...props
}: SelectProps) {
  const ids = useFieldIds(hint, error, props["aria-describedby"]);
  const id = givenId ?? ids.id;
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      hintId={ids.hintId}
      error={error}
      errorId={ids.errorId}
      hideLabel={hideLabel}
      optional={optional}
      className={className}
    >
      <select
        id={id}
        {...props}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.described}
        className={cn(controlBase, controlState(Boolean(error)), "h-10 pr-8")}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

export type TextareaProps = FieldChrome & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "className">;

export function Textarea({ label, hint, error, hideLabel, optional, className, id: givenId, ...props }: TextareaProps) {
  const ids = useFieldIds(hint, error, props["aria-describedby"]);
  const id = givenId ?? ids.id;
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      hintId={ids.hintId}
      error={error}
      errorId={ids.errorId}
      hideLabel={hideLabel}
      optional={optional}
      className={className}
    >
      <textarea
        id={id}
        rows={4}
        {...props}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.described}
        className={cn(controlBase, controlState(Boolean(error)), "py-2")}
      />
    </FieldFrame>
  );
}

export function Checkbox({
  label,
  hint,
  className,
  ...props
}: { label: ReactNode; hint?: ReactNode; className?: string } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "className"
>) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={cn("flex items-start gap-3", className)}>
      <input
        id={id}
        type="checkbox"
        aria-describedby={hintId}
        className="mt-0.5 size-4 rounded border-slate-300 accent-brand-700"
        {...props}
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {hint ? (
          <p id={hintId} className="text-sm text-slate-500">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
