import {
  type ApplyBody,
  companySizes,
  type PartnerType,
  partnerTypeLabels,
  partnerTypes,
  type Region,
  regions,
} from "@symbiont/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { Input, Select, Textarea } from "../../components/ui/Field";
import { CheckIcon } from "../../components/ui/icons";
import { LoadingBlock } from "../../components/ui/Spinner";
import { ApiError, api } from "../../lib/api";
import { errorMessage, fieldErrorsFromApi } from "../../lib/forms";
import { AuthFrame, useDocumentTitle } from "../system";

const regionLabels: Record<Region, string> = {
  north_america: "North America",
  latin_america: "Latin America",
  emea: "EMEA",
  dach: "DACH",
  uk_ireland: "UK & Ireland",
  nordics: "Nordics",
  apac: "APAC",
  anz: "Australia & NZ",
  japan: "Japan",
  india: "India",
  middle_east: "Middle East",
  africa: "Africa",
};

const splitList = (text: string) =>
  text
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

function CheckboxGroup<T extends string>({
  legend,
  options,
  labels,
  selected,
  onChange,
  error,
}: {
  legend: string;
  options: readonly T[];
  labels: Record<T, string>;
  selected: T[];
  onChange: (values: T[]) => void;
  error?: string | undefined;
}) {
  const errorId = `${legend.replace(/\W+/g, "-").toLowerCase()}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="mb-2 text-sm font-medium text-slate-800">{legend}</legend>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {options.map((option) => (
          <label key={option} className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              className="size-4 rounded border-slate-300 accent-brand-700"
              checked={selected.includes(option)}
              onChange={(e) =>
                onChange(e.target.checked ? [...selected, option] : selected.filter((v) => v !== option))
              }
            />
            {labels[option]}
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The public partner application page of a program: no sign-in needed. */
export function ApplyPage() {
  const { workspaceSlug, programSlug } = useParams({ from: "/apply/$workspaceSlug/$programSlug" });
  const form = useQuery({
    queryKey: ["public", "apply", workspaceSlug, programSlug],
    queryFn: ({ signal }) => api.recruitment.form(workspaceSlug, programSlug, signal),
    retry: false,
  });
  useDocumentTitle(form.data ? `Apply: ${form.data.programName}` : "Apply");
  const [values, setValues] = useState({
    companyName: "",
    website: "",
    hqCountry: "",
    size: "",
    industries: "",
    specializations: "",
    applicantName: "",
    applicantEmail: "",
    message: "",
    website2: "",
  });
  const [types, setTypes] = useState<PartnerType[]>([]);
  const [served, setServed] = useState<Region[]>([]);
  const submit = useMutation({
    mutationFn: () => {
      const body: ApplyBody = {
        companyName: values.companyName,
        website: values.website,
        hqCountry: values.hqCountry,
        regions: served,
        industries: splitList(values.industries),
        specializations: splitList(values.specializations),
        partnerTypes: types,
        applicantName: values.applicantName,
        applicantEmail: values.applicantEmail,
        ...(values.size ? { size: values.size as ApplyBody["size"] } : {}),
        ...(values.message.trim() ? { message: values.message } : {}),
        ...(values.website2 ? { website2: values.website2 } : {}),
      };
      return api.recruitment.apply(workspaceSlug, programSlug, body);
    },
  });
  const errors = fieldErrorsFromApi(submit.error);
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues({ ...values, [key]: e.target.value });
  const notFound = form.error instanceof ApiError && form.error.status === 404;
  return (
    <AuthFrame wide>
      {form.isPending ? (
        <LoadingBlock label="Loading the application form…" />
      ) : form.isError ? (
        <Card className="p-6 sm:p-8">
          <h1 className="text-xl font-semibold text-slate-900">
            {notFound ? "This page does not exist" : "The form could not be loaded"}
          </h1>
          <p className="mt-2 text-sm text-slate-600">
            {notFound ? "Check the link you were given." : errorMessage(form.error)}
          </p>
        </Card>
      ) : submit.isSuccess ? (
        <Card className="p-6 text-center sm:p-10" role="status">
          <span className="mx-auto mb-4 flex size-12 items-center justify-center rounded-full bg-emerald-100 text-emerald-700">
            <CheckIcon className="size-6" />
          </span>
          <h1 className="text-2xl font-semibold text-slate-900">Application received</h1>
          <p className="mt-2 text-sm text-slate-600">{submit.data.message}</p>
        </Card>
      ) : (
        <>
          <div className="mb-6 text-center">
            <p className="text-sm font-medium text-brand-700">{form.data.workspaceName}</p>
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
              Apply to the {form.data.programName}
            </h1>
            {form.data.programDescription ? (
              <p className="mt-1.5 text-sm text-slate-500">{form.data.programDescription}</p>
            ) : null}
          </div>
          <Card className="p-6 sm:p-8">
            {!form.data.open ? (
              <Alert tone="info" title="Applications are closed">
                This program is not accepting applications right now. Please check back later.
              </Alert>
            ) : (
              <form
                className="space-y-5"
                noValidate
                onSubmit={(event) => {
                  event.preventDefault();
                  submit.mutate();
                }}
              >
                {submit.isError &&
                (Object.keys(errors).length === 0 ||
                  (submit.error instanceof ApiError && submit.error.code !== "VALIDATION_FAILED")) ? (
                  <Alert tone="danger">{errorMessage(submit.error)}</Alert>
                ) : null}
                <div className="grid gap-4 sm:grid-cols-2">
                  <Input
                    label="Company name"
                    autoComplete="organization"
                    value={values.companyName}
                    error={errors.companyName}
                    onChange={set("companyName")}
                    required
                  />
                  <Input
                    label="Company website"
                    type="url"
                    placeholder="https://example.com"
                    autoComplete="url"
                    value={values.website}
                    error={errors.website}
                    onChange={set("website")}
                    required
                  />
                  <Input
                    label="Headquarters country"
                    hint="Two-letter code, e.g. DE or US"
                    maxLength={2}
                    autoComplete="country"
                    value={values.hqCountry}
                    error={errors.hqCountry}
                    onChange={set("hqCountry")}
                    required
                  />
                  <Select label="Company size" optional value={values.size} error={errors.size} onChange={set("size")}>
                    <option value="">Choose…</option>
                    {companySizes.map((size) => (
                      <option key={size} value={size}>
                        {size} employees
                      </option>
                    ))}
                  </Select>
                </div>
                <CheckboxGroup
                  legend="How do you want to partner?"
                  options={partnerTypes}
                  labels={partnerTypeLabels}
                  selected={types}
                  onChange={setTypes}
                  error={errors.partnerTypes}
                />
                <CheckboxGroup
                  legend="Regions you serve"
                  options={regions}
                  labels={regionLabels}
                  selected={served}
                  onChange={setServed}
                  error={errors.regions}
                />
                <div className="grid gap-4 sm:grid-cols-2">
                  <Input
                    label="Industries"
                    optional
                    hint="Comma-separated"
                    value={values.industries}
                    error={errors.industries}
                    onChange={set("industries")}
                  />
                  <Input
                    label="Specializations"
                    optional
                    hint="Comma-separated"
                    value={values.specializations}
                    error={errors.specializations}
                    onChange={set("specializations")}
                  />
                  <Input
                    label="Your name"
                    autoComplete="name"
                    value={values.applicantName}
                    error={errors.applicantName}
                    onChange={set("applicantName")}
                    required
                  />
                  <Input
                    label="Your work email"
                    type="email"
                    autoComplete="email"
                    value={values.applicantEmail}
                    error={errors.applicantEmail}
                    onChange={set("applicantEmail")}
                    required
                  />
                </div>
                <Textarea
                  label="Anything we should know?"
                  optional
                  value={values.message}
                  error={errors.message}
                  onChange={set("message")}
                />
                {/* Honeypot: hidden from people and assistive tech; bots that fill it are quietly ignored. */}
                <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
                  <label htmlFor="website2">Leave this empty</label>
                  <input
                    id="website2"
                    name="website2"
                    type="text"
                    tabIndex={-1}
                    autoComplete="off"
                    value={values.website2}
                    onChange={set("website2")}
                  />
                </div>
                <Button type="submit" size="lg" className="w-full" loading={submit.isPending}>
                  Send application
                </Button>
                <p className="text-center text-xs text-slate-500">
                  We review every application personally and reply by email.
                </p>
              </form>
            )}
          </Card>
        </>
      )}
    </AuthFrame>
  );
}
