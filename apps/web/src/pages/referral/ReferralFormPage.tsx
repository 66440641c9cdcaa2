import type { PublicReferralBody } from "@symbiont/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { Checkbox, Input, Textarea } from "../../components/ui/Field";
import { CheckIcon } from "../../components/ui/icons";
import { LoadingBlock } from "../../components/ui/Spinner";
import { leadEndpoints } from "../../lib/endpoints/leads";
import { errorMessage, fieldErrorsFromApi } from "../../lib/forms";
import { AuthFrame, useDocumentTitle } from "../system";

const blank = {
  company: "",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
  domain: "",
  country: "",
  need: "",
  website2: "",
};

/** The public referral form behind a partner's link (`/r/<code>`). No sign-in. */
export function ReferralFormPage() {
  const { code } = useParams({ from: "/r/$code" });
  useDocumentTitle("Referral");
  const [values, setValues] = useState(blank);
  const [consent, setConsent] = useState(false);
  const info = useQuery({
    queryKey: ["public", "referral", code],
    queryFn: ({ signal }) => leadEndpoints.publicForm(code, signal),
    retry: false,
  });
  const submit = useMutation({ mutationFn: (body: PublicReferralBody) => leadEndpoints.submitPublic(code, body) });
  const errors = fieldErrorsFromApi(submit.error);
  const set = (key: keyof typeof blank) => (event: { target: { value: string } }) =>
    setValues({ ...values, [key]: event.target.value });
  const orUndefined = (v: string) => (v.trim() === "" ? undefined : v.trim());
  if (info.isPending) {
    return (
      <AuthFrame>
        <LoadingBlock label="Loading the form…" />
      </AuthFrame>
    );
  }
  if (info.isError) {
    return (
      <AuthFrame>
        <Alert tone="danger">{errorMessage(info.error)}</Alert>
      </AuthFrame>
    );
  }
  if (submit.isSuccess) {
    return (
      <AuthFrame>
        <Card className="space-y-3 p-6 text-center" role="status">
          <span className="mx-auto flex size-12 items-center justify-center rounded-full bg-emerald-50 text-2xl text-emerald-600">
            <CheckIcon />
          </span>
          <h1 className="text-xl font-semibold text-slate-900">Thank you</h1>
          <p className="text-sm text-slate-600">{submit.data.message}</p>
        </Card>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame wide>
      <Card className="p-6">
        <h1 className="text-xl font-semibold text-slate-900">Get in touch with {info.data.workspaceName}</h1>
        <p className="mt-1 text-sm text-slate-500">
          Recommended by {info.data.partnerName}. Tell us who you are and what you need.
        </p>
        <form
          className="mt-6 grid gap-4 sm:grid-cols-2"
          onSubmit={(event) => {
            event.preventDefault();
            submit.mutate({
              company: values.company,
              contactName: values.contactName,
              contactEmail: values.contactEmail,
              contactPhone: orUndefined(values.contactPhone) ?? null,
              domain: orUndefined(values.domain) ?? null,
              country: orUndefined(values.country) ?? null,
              need: orUndefined(values.need) ?? null,
              ...(values.website2 ? { website2: values.website2 } : {}),
              consent: consent as true,
            });
          }}
        >
          {submit.isError ? (
            <Alert tone="danger" className="sm:col-span-2">
              {errorMessage(submit.error)}
            </Alert>
          ) : null}
          <Input
            label="Company"
            value={values.company}
            onChange={set("company")}
            error={errors.company}
            required
            className="sm:col-span-2"
          />
          <Input
            label="Your name"
            value={values.contactName}
            onChange={set("contactName")}
            error={errors.contactName}
            required
            autoComplete="name"
          />
          <Input
            label="Work email"
            type="email"
            value={values.contactEmail}
            onChange={set("contactEmail")}
            error={errors.contactEmail}
            required
            autoComplete="email"
          />
          <Input
            label="Phone"
            value={values.contactPhone}
            onChange={set("contactPhone")}
            error={errors.contactPhone}
            optional
            autoComplete="tel"
          />
          <Input
            label="Website"
            value={values.domain}
            onChange={set("domain")}
            error={errors.domain}
            optional
            placeholder="example.com"
          />
          <Input
            label="Country"
            value={values.country}
            onChange={set("country")}
            error={errors.country}
            optional
            maxLength={2}
            hint="Two-letter code, e.g. FR"
          />
          <Textarea
            label="What do you need?"
            value={values.need}
            onChange={set("need")}
            error={errors.need}
            optional
            rows={3}
            className="sm:col-span-2"
          />
          {/* Hidden from people; bots fill it. */}
          <div aria-hidden="true" className="hidden">
            <label>
              Leave empty
              <input
                tabIndex={-1}
                autoComplete="off"
                value={values.website2}
                onChange={set("website2")}
                name="website2"
              />
            </label>
          </div>
          <div className="sm:col-span-2">
            <Checkbox
              label={`I agree that ${info.data.workspaceName} and ${info.data.partnerName} may contact me about this request.`}
              checked={consent}
              onChange={(e) => setConsent(e.target.checked)}
              hint={errors.consent}
            />
          </div>
          <div className="sm:col-span-2">
            <Button type="submit" loading={submit.isPending} disabled={!consent}>
              Send
            </Button>
          </div>
        </form>
      </Card>
    </AuthFrame>
  );
}
