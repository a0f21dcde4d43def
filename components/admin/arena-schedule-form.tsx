"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SCHEDULE_LIMITS, type RaceSchedule } from "@/lib/domain/race/schedule";
import { useTRPC } from "@/lib/trpc/client";
import { toFormError, type FormError } from "@/lib/trpc/errors";
import { wallClockSummary } from "./arena-schedule";

type FieldName = keyof RaceSchedule;
type Draft = Record<FieldName, string>;

const FIELDS: readonly { name: FieldName; label: string; unit: string; whole: boolean }[] = [
  { name: "accumulateMinutes", label: "Accumulation", unit: "race minutes", whole: true },
  { name: "liveMinutes", label: "Live", unit: "race minutes", whole: true },
  { name: "timeScale", label: "Time scale", unit: "race min per wall min", whole: false },
];

const toDraft = (s: RaceSchedule): Draft => ({ accumulateMinutes: String(s.accumulateMinutes), liveMinutes: String(s.liveMinutes), timeScale: String(s.timeScale) });
const parse = (text: string) => (text.trim() === "" ? Number.NaN : Number(text.trim()));

/** Only what the server cannot say nicely: a value that is not a number at all. Ranges are the server's (checkSchedule). */
function typeErrors(d: Draft): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of FIELDS) {
    const v = parse(d[f.name]);
    if (!Number.isFinite(v)) out[f.name] = [`${f.label} must be a number`];
    else if (f.whole && !Number.isInteger(v)) out[f.name] = [`${f.label} must be a whole number of minutes`];
  }
  return out;
}

/**
 * The race schedule: accumulation and live length in race minutes and the time scale
 * that compresses both; the wall-clock result is shown as the values are typed. The
 * server checks every range and names the field it refuses.
 */
export function ArenaScheduleForm({ current }: { current: RaceSchedule }) {
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.arena.setSchedule.mutationOptions());
  const [draft, setDraft] = useState<Draft>(() => toDraft(current));
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<FormError | null>(null);
  const [saved, setSaved] = useState<RaceSchedule | null>(null);

  const values = { accumulateMinutes: parse(draft.accumulateMinutes), liveMinutes: parse(draft.liveMinutes), timeScale: parse(draft.timeScale) };
  const previewable = Object.values(values).every((v) => Number.isFinite(v) && v > 0);
  const dirty = FIELDS.some((f) => values[f.name] !== current[f.name]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const local = typeErrors(draft);
    if (Object.keys(local).length) {
      setFailure({ message: "Check the highlighted fields", fieldErrors: local });
      return;
    }
    setFailure(null);
    try {
      setSaved(await save.mutateAsync({ ...values, reason }));
      setReason("");
      router.refresh();
    } catch (e) {
      setFailure(toFormError(e));
    }
  }

  // the server names a field by its API name ("timeScale must be…"): shown beside it under its label
  const fe: Record<string, string[]> = Object.fromEntries(
    Object.entries(failure?.fieldErrors ?? {}).map(([name, messages]) => {
      const label = FIELDS.find((f) => f.name === name)?.label;
      return [name, label ? messages.map((m) => (m.startsWith(`${name} `) ? `${label}${m.slice(name.length)}` : m)) : messages];
    }),
  );
  const formLevel = failure && !FIELDS.some((f) => fe[f.name]) && !fe.reason ? failure.message : null;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Race schedule">
      {saved ? (
        <Alert tone="positive" title="Schedule saved" data-testid="schedule-saved">
          From the next race that opens: {wallClockSummary(saved)}. Races already open keep the schedule they opened with.
        </Alert>
      ) : null}
      {formLevel ? <Alert tone="negative">{formLevel}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        {FIELDS.map((f) => {
          const { min, max } = SCHEDULE_LIMITS[f.name];
          return (
            <Field
              key={f.name}
              label={f.label}
              labelAside={f.unit}
              name={f.name}
              inputMode={f.whole ? "numeric" : "decimal"}
              autoComplete="off"
              numeric
              required
              value={draft[f.name]}
              onChange={(e) => {
                const text = e.currentTarget.value;
                setDraft((d) => ({ ...d, [f.name]: text }));
                setSaved(null);
              }}
              error={fe[f.name]}
              hint={`${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}`}
            />
          );
        })}
      </div>
      <p className="rounded-md border border-line bg-surface-2 px-3 py-2 text-sm text-fg" data-testid="schedule-preview" aria-live="polite">
        {previewable ? (
          <>
            On the wall clock each race <strong className="font-semibold">{wallClockSummary(values)}</strong>
            <span className="text-fg-muted"> ({values.accumulateMinutes.toLocaleString("en-US")} + {values.liveMinutes.toLocaleString("en-US")} race minutes at ×{values.timeScale.toLocaleString("en-US")})</span>
          </>
        ) : (
          <span className="text-fg-muted">Enter three positive numbers to see how long a race takes on the wall clock.</span>
        )}
      </p>
      <Field
        label="Reason"
        labelAside="kept in the change log with your name"
        name="reason"
        autoComplete="off"
        required
        placeholder="e.g. shorter races for tonight's demo"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fe.reason}
      />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex gap-2">
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            Save schedule
          </Button>
          {dirty ? (
            <Button type="button" variant="ghost" onClick={() => { setDraft(toDraft(current)); setFailure(null); }}>
              Reset
            </Button>
          ) : null}
        </div>
        <p className="text-xs text-fg-muted">Applies from the next race that opens; races already open keep their schedule.</p>
      </div>
    </form>
  );
}
