import type { FxRateItem, FxRateRecord } from "@symbiont/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Card, CardBody, CardHeader } from "../../../components/ui/Card";
import { EmptyState } from "../../../components/ui/EmptyState";
import { ErrorState } from "../../../components/ui/ErrorState";
import { Input, Textarea } from "../../../components/ui/Field";
import { CoinsIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/PageHeader";
import { type Column, DataTable } from "../../../components/ui/Table";
import { useToast } from "../../../components/ui/Toast";
import { useCurrentUser } from "../../../lib/auth";
import { revenueEndpoints as revenue } from "../../../lib/endpoints/revenue";
import { formatDateTime } from "../../../lib/format";
import { errorMessage, type FieldErrors, fieldErrorsFromApi } from "../../../lib/forms";
import { useDocumentTitle } from "../../system";

function RateForm({ reportingCurrency }: { reportingCurrency: string }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ currency: "", rateDate: new Date().toISOString().slice(0, 10), rate: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: () =>
      revenue.fxRates.upsert({
        currency: form.currency.trim().toUpperCase(),
        rateDate: form.rateDate,
        rate: Number(form.rate),
      }),
    onSuccess: async (result) => {
      toast.success(
        "Rate saved",
        `${result.recomputedOpportunities} opportunities and ${result.recomputedRevenueEvents} revenue events were recomputed.`,
      );
      setForm((f) => ({ ...f, rate: "" }));
      await queryClient.invalidateQueries({ queryKey: ["console", "fx-rates"] });
      await queryClient.invalidateQueries({ queryKey: ["console", "opportunities"] });
    },
    onError: (error) => setErrors({ ...fieldErrorsFromApi(error), _form: errorMessage(error) }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    save.mutate();
  };
  return (
    <form
      onSubmit={submit}
      className="grid gap-3 sm:grid-cols-4 sm:items-end"
      noValidate
      aria-label="Add or correct a rate"
    >
      {errors._form ? (
        <Alert tone="danger" className="sm:col-span-4">
          {errors._form}
        </Alert>
      ) : null}
      <Input
        label="Currency"
        placeholder="EUR"
        maxLength={3}
        value={form.currency}
        error={errors.currency}
        onChange={(e) => setForm({ ...form, currency: e.target.value })}
      />
      <Input
        label="Date"
        type="date"
        value={form.rateDate}
        error={errors.rateDate}
        onChange={(e) => setForm({ ...form, rateDate: e.target.value })}
      />
      <Input
        label={`${reportingCurrency} per unit`}
        type="number"
        step="any"
        min={0}
        inputMode="decimal"
        value={form.rate}
        error={errors.rate}
        onChange={(e) => setForm({ ...form, rate: e.target.value })}
      />
      <Button type="submit" loading={save.isPending}>
        Save rate
      </Button>
    </form>
  );
}

/** Lines of `currency,date,rate` (a header line is skipped), sent as one all-or-nothing batch. */
export function parseRateLines(text: string): { items: FxRateItem[]; bad: number[] } {
  const items: FxRateItem[] = [];
  const bad: number[] = [];
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .forEach((line, index) => {
      if (!line || /^currency\b/i.test(line)) return;
      const [currency = "", rateDate = "", rate = ""] = line.split(/[,;\t]/).map((c) => c.trim());
      if (!/^[A-Za-z]{3}$/.test(currency) || !/^\d{4}-\d{2}-\d{2}$/.test(rateDate) || !(Number(rate) > 0))
        bad.push(index + 1);
      else items.push({ currency: currency.toUpperCase(), rateDate, rate: Number(rate), source: "pasted" });
    });
  return { items, bad };
}

function PasteRates() {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (items: FxRateItem[]) => revenue.fxRates.bulk(items),
    onSuccess: async (result) => {
      toast.success(`${result.rates} rates saved`, `${result.recomputedOpportunities} opportunities recomputed.`);
      setText("");
      await queryClient.invalidateQueries({ queryKey: ["console"] });
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { items, bad } = parseRateLines(text);
    if (bad.length > 0)
      return setError(`Line ${bad.join(", ")} is not “currency,date,rate” (e.g. EUR,2026-01-31,1.0856).`);
    if (items.length === 0) return setError("Paste at least one line.");
    setError(null);
    save.mutate(items);
  };
  return (
    <form onSubmit={submit} className="grid gap-3" aria-label="Import rates">
      <Textarea
        label="Import many rates"
        hint="One rate per line: currency,date,rate — straight from a spreadsheet or your treasury system's CSV. All lines are saved together or none."
        rows={4}
        value={text}
        error={error ?? undefined}
        onChange={(e) => setText(e.target.value)}
        placeholder={"EUR,2026-01-31,1.0856\nGBP,2026-01-31,1.2710"}
      />
      <div>
        <Button type="submit" variant="secondary" loading={save.isPending}>
          Import rates
        </Button>
      </div>
    </form>
  );
}

export function FxRatesPage() {
  useDocumentTitle("FX rates");
  const user = useCurrentUser();
  const canWrite = user?.role === "admin" || user?.role === "finance";
  const [currency, setCurrency] = useState("");
  const filter = /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : undefined;
  const rates = useQuery({
    queryKey: ["console", "fx-rates", filter ?? ""],
    queryFn: ({ signal }) => revenue.fxRates.list({ currency: filter }, signal),
    placeholderData: keepPreviousData,
  });
  const reporting = rates.data?.reportingCurrency ?? "USD";
  const columns: Column<FxRateRecord>[] = [
    { key: "currency", header: "Currency", cell: (r) => <span className="font-medium">{r.currency}</span> },
    { key: "date", header: "From date", cell: (r) => r.rateDate },
    {
      key: "rate",
      header: `${reporting} per unit`,
      align: "right",
      cell: (r) => <span className="tabular-nums">{Number(r.rate)}</span>,
    },
    { key: "source", header: "Source", hideOnMobile: true, cell: (r) => r.source ?? "—" },
    { key: "updated", header: "Updated", hideOnMobile: true, cell: (r) => formatDateTime(r.updatedAt) },
  ];
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={
          <Link to="/console/opportunities" className="hover:underline">
            Opportunities
          </Link>
        }
        title="FX rates"
        description={`Every amount is reported in ${reporting} at the newest rate on or before its close (or event) date — never today's. Changing a rate recomputes the amounts it converts at once.`}
      />
      {canWrite ? (
        <Card>
          <CardHeader title="Add or correct a rate" />
          <CardBody className="grid gap-6">
            <RateForm reportingCurrency={reporting} />
            <PasteRates />
          </CardBody>
        </Card>
      ) : null}
      <Card>
        <div className="border-b border-slate-200 px-5 py-4 sm:w-64">
          <Input
            label="Currency"
            type="search"
            placeholder="All currencies"
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
          />
        </div>
        {rates.isError ? (
          <ErrorState error={rates.error} onRetry={() => void rates.refetch()} />
        ) : (
          <DataTable
            caption="Exchange rates"
            columns={columns}
            rows={rates.data?.items}
            rowKey={(r) => `${r.currency}@${r.rateDate}`}
            loading={rates.isPending}
            empty={
              <EmptyState
                icon={<CoinsIcon />}
                title="No rates yet"
                description={`Deals in ${reporting} need none; add a rate per currency and date for the others.`}
              />
            }
          />
        )}
      </Card>
    </div>
  );
}
