import type { PartnerCheck } from "@symbiont/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { Input, Textarea } from "../../../components/ui/Field";
import { PageHeader } from "../../../components/ui/PageHeader";
import { Spinner } from "../../../components/ui/Spinner";
import { useToast } from "../../../components/ui/Toast";
import { registrationEndpoints } from "../../../lib/endpoints/registrations";
import { errorMessage, fieldErrorsFromApi } from "../../../lib/forms";
import { useDebouncedValue } from "../../../lib/hooks";
import { useDocumentTitle } from "../../system";

const api = registrationEndpoints.portal;

const EMPTY = {
  companyName: "",
  website: "",
  country: "",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
  amount: "",
  currency: "USD",
  expectedCloseOn: "",
  products: "",
  useCase: "",
  incumbent: "",
  notes: "",
};
type FormValues = typeof EMPTY;

const CHECK_TONE = { clear: "success", review: "warning", conflict: "danger" } as const;

/** "Check before you register": runs while the partner types (debounced), stores nothing. */
function LiveCheck({ values }: { values: FormValues }) {
  const probe = useDebouncedValue(
    {
      companyName: values.companyName.trim(),
      website: values.website.trim() || undefined,
      country: /^[A-Za-z]{2}$/.test(values.country.trim()) ? values.country.trim().toUpperCase() : undefined,
      contactEmail: values.contactEmail.includes("@") ? values.contactEmail.trim() : undefined,
    },
    400,
  );
  const ready = probe.companyName.length >= 2 || Boolean(probe.website);
  const check = useQuery({
    queryKey: ["portal", "registration-check", probe],
    queryFn: ({ signal }) => api.check(probe, signal),
    enabled: ready,
    staleTime: 30_000,
  });
  if (!ready) {
    return <p className="text-sm text-slate-500">Type the company name or domain and we check it as you go.</p>;
  }
  if (check.isPending) {
    return (
      <p className="flex items-center gap-2 text-sm text-slate-500" aria-live="polite">
        <Spinner /> Checking…
      </p>
    );
  }
  if (check.isError) return <Alert tone="warning">The check is unavailable right now; you can still register.</Alert>;
  const result: PartnerCheck = check.data;
  return (
    <div aria-live="polite" data-testid="live-check">
      <Alert tone={CHECK_TONE[result.decision]}>{result.reason}</Alert>
    </div>
  );
}

export function RegisterDealPage() {
  useDocumentTitle("Register a deal");
  const [values, setValues] = useState<FormValues>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const set = (key: keyof FormValues) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: event.target.value }));

  const save = useMutation({
    mutationFn: (submit: boolean) => {
      const amount = values.amount.trim() === "" ? null : Number(values.amount.replace(/[, ]/g, ""));
      return api.create({
        submit,
        companyName: values.companyName,
        website: values.website || null,
        country: values.country || null,
        contactName: values.contactName || null,
        contactEmail: values.contactEmail || null,
        contactPhone: values.contactPhone || null,
        amount: amount !== null && Number.isFinite(amount) ? amount : null,
        currency: values.currency || null,
        expectedCloseOn: values.expectedCloseOn || null,
        products: values.products
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean),
        useCase: values.useCase || null,
        incumbent: values.incumbent || null,
        notes: values.notes || null,
      });
    },
    onSuccess: (registration, submit) => {
      void queryClient.invalidateQueries({ queryKey: ["portal", "registrations"] });
      toast.success(submit ? `Registration for ${registration.companyName} submitted` : "Draft saved");
      void navigate({ to: "/portal/deals/$id", params: { id: registration.id } });
    },
    onError: (error) => setErrors(fieldErrorsFromApi(error) as Record<string, string>),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setErrors({});
    save.mutate(true);
  };

  return (
    <>
      <PageHeader
        title="Register a deal"
        description="The short form is enough to claim the opportunity; add detail now or later."
      />
      <form onSubmit={onSubmit} noValidate className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Customer" headingLevel={2} />
            <CardBody className="grid gap-4 sm:grid-cols-2">
              <Input
                label="Company name"
                value={values.companyName}
                onChange={set("companyName")}
                error={errors.companyName}
                autoComplete="organization"
                required
              />
              <Input
                label="Website or domain"
                value={values.website}
                onChange={set("website")}
                error={errors.website}
                placeholder="contoso.com"
              />
              <Input
                label="Country"
                hint="Two-letter code, e.g. DE or US"
                value={values.country}
                onChange={set("country")}
                error={errors.country}
                maxLength={2}
              />
              <Input
                label="Contact name"
                value={values.contactName}
                onChange={set("contactName")}
                error={errors.contactName}
              />
              <Input
                label="Contact e-mail"
                type="email"
                value={values.contactEmail}
                onChange={set("contactEmail")}
                error={errors.contactEmail}
              />
              <Input
                label="Contact phone"
                type="tel"
                optional
                value={values.contactPhone}
                onChange={set("contactPhone")}
                error={errors.contactPhone}
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Opportunity" headingLevel={2} />
            <CardBody className="grid gap-4 sm:grid-cols-2">
              <Input
                label="Amount"
                inputMode="decimal"
                value={values.amount}
                onChange={set("amount")}
                error={errors.amount}
              />
              <Input
                label="Currency"
                hint="ISO code such as USD or EUR"
                value={values.currency}
                onChange={set("currency")}
                error={errors.currency}
                maxLength={3}
              />
              <Input
                label="Expected close"
                type="date"
                value={values.expectedCloseOn}
                onChange={set("expectedCloseOn")}
                error={errors.expectedCloseOn}
              />
              <Input
                label="Products"
                hint="Separate several with commas"
                value={values.products}
                onChange={set("products")}
                error={errors.products}
              />
              <Textarea
                label="Use case"
                optional
                value={values.useCase}
                onChange={set("useCase")}
                error={errors.useCase}
              />
              <Input
                label="Incumbent or competitors"
                optional
                value={values.incumbent}
                onChange={set("incumbent")}
                error={errors.incumbent}
              />
              <div className="sm:col-span-2">
                <Textarea label="Notes" optional value={values.notes} onChange={set("notes")} error={errors.notes} />
              </div>
            </CardBody>
          </Card>
        </div>
        <div className="space-y-4">
          <Card>
            <CardHeader title="Check before you register" headingLevel={2} />
            <CardBody>
              <LiveCheck values={values} />
            </CardBody>
          </Card>
          {save.isError ? <Alert tone="danger">{errorMessage(save.error)}</Alert> : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" loading={save.isPending && save.variables === true}>
              Submit registration
            </Button>
            <Button
              type="button"
              variant="secondary"
              loading={save.isPending && save.variables === false}
              onClick={() => save.mutate(false)}
            >
              Save draft
            </Button>
          </div>
        </div>
      </form>
    </>
  );
}
