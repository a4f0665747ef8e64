/**
 * One of the municipality's claims (ADR 0034), the finance officer's: a draft's lines picked among those Anvisa
 * computes (days and amounts as computed today), the cost of an SFV line as the municipality states it, an attachment
 * per line (the LVU decision for an LVU line, the court's judgment on a child's first SFV line), the submission; a submitted claim's lines as frozen, a correction as a new version, the Agency's decision and payment.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { ApiError, apiPost, apiPut, type FieldProblem } from '../../api/client.ts';
import { CLAIMS_KEY, useClaim } from '../../api/claims-queries.ts';
import type { Claim } from '../../api/claims-types.ts';
import { Page } from '../../components/Page.tsx';
import { Confirmation, type Confirmed, LoadError, Loading } from '../../components/Status.tsx';
import { apiErrorText, fieldErrorText } from '../../form-errors.ts';
import { parseKronor } from '../../form-kronor.ts';
import { useI18n } from '../../language.tsx';
import { useAmountLabel, useCountLabel } from './counts.ts';
import {
  ClaimFacts,
  claimReference,
  DecisionAndPayment,
  lineLabel,
  SubmittedLines,
  useKronor,
  Versions,
} from './ClaimParts.tsx';

const keyOf = (l: { childId: string; code: string; quarter: string }) =>
  `${l.childId}|${l.code}|${l.quarter}`;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** The server's problems with the claim, each as a sentence naming its line where it has one. */
function Problems({ claim, error }: { readonly claim: Claim; readonly error: unknown }) {
  const { t } = useI18n();
  const fields: readonly FieldProblem[] = error instanceof ApiError ? error.fields : [];
  // The button pressed was disabled while sending: focus comes here, not to the page's body.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [error]);
  const sentence = (p: FieldProblem) => {
    const line = claim.lines.find((l) => p.field.startsWith(`lines.${l.id}`));
    // The document a line lacks is named: the LVU decision, or the court's judgment on a special custodian.
    const text =
      p.code === 'claim_attachment_required' && line?.attachmentKind != null
        ? t(`claims.attachment.missing.${line.attachmentKind}`)
        : (fieldErrorText(t, { message: p.code }) ?? '');
    return line === undefined
      ? text
      : `${lineLabel(t, line)}, ${t(`compensation.code.${line.code}`)}: ${text}`;
  };
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="error-summary__title">{t('form.summaryTitle')}</h2>
      {fields.length === 0 ? (
        <p>{apiErrorText(t, error)}</p>
      ) : (
        <ul>
          {fields.map((p) => {
            const line = claim.lines.find((l) => p.field === `lines.${l.id}.attachment`);
            return (
              <li key={`${p.field}-${p.code}`}>
                {line === undefined ? sentence(p) : <a href={`#attachment-${line.id}`}>{sentence(p)}</a>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function AttachmentForm({
  claim,
  lineId,
  onDone,
}: {
  readonly claim: Claim;
  readonly lineId: string;
  readonly onDone: (claim: Claim) => void;
}) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async () => {
      if (file === null)
        throw new ApiError(400, 'validation', 'no file', [
          { field: 'file', code: 'file_required', message: 'file_required' },
        ]);
      return apiPost<Claim>(
        `/api/compensation/claims/${encodeURIComponent(claim.id)}/lines/${encodeURIComponent(lineId)}/attachment`,
        {
          fileName: file.name,
          mediaType: file.type,
          contentBase64: await readBase64(file),
          expectedVersion: claim.version,
        },
      );
    },
    onSuccess: onDone,
  });
  const id = `attachment-${lineId}`;
  const error =
    upload.error instanceof ApiError
      ? fieldErrorText(t, { message: upload.error.fields[0]?.code ?? upload.error.code })
      : upload.isError
        ? apiErrorText(t, upload.error)
        : undefined;
  return (
    <div className={error === undefined ? 'field' : 'field field--error'}>
      <label htmlFor={id}>{t('claims.attachment.choose')}</label>
      {error !== undefined && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <input
        id={id}
        type="file"
        accept="application/pdf,image/png,image/jpeg"
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={error === undefined ? undefined : `${id}-error`}
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
      />
      <button type="button" className="button button--secondary" onClick={() => upload.mutate()}>
        {upload.isPending ? t('form.sending') : t('claims.attachment.upload')}
      </button>
    </div>
  );
}

/** A stated-amount line's cost (SFV): the municipality's actual, reasonable cost for the child and the quarter. */
function StatedAmountForm({
  claim,
  line,
  onDone,
}: {
  readonly claim: Claim;
  readonly line: Claim['lines'][number];
  readonly onDone: (claim: Claim) => void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(line.statedAmount === null ? '' : String(line.statedAmount));
  const [invalid, setInvalid] = useState<string | null>(null);
  const state = useMutation({
    mutationFn: (statedAmount: number) =>
      apiPut<Claim>(
        `/api/compensation/claims/${encodeURIComponent(claim.id)}/lines/${encodeURIComponent(line.id)}/amount`,
        { statedAmount, expectedVersion: claim.version },
      ),
    onSuccess: onDone,
  });
  const id = `amount-${line.id}`;
  const error =
    invalid ??
    (state.error instanceof ApiError
      ? fieldErrorText(t, { message: state.error.fields[0]?.code ?? state.error.code })
      : state.isError
        ? apiErrorText(t, state.error)
        : undefined) ??
    null;
  return (
    <form
      className={error === null ? 'field' : 'field field--error'}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const typed = parseKronor(value);
        if (typed.kind !== 'kronor' || typed.kronor <= 0) {
          setInvalid(
            typed.kind === 'problem'
              ? (fieldErrorText(t, { message: typed.problem }) ?? t('claims.amount.invalid'))
              : t('claims.amount.invalid'),
          );
          return;
        }
        setInvalid(null);
        state.mutate(typed.kronor);
      }}
    >
      <label htmlFor={id}>{t('claims.amount.label')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('claims.amount.hint')}
      </p>
      {error !== null && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        aria-invalid={error === null ? undefined : true}
        aria-describedby={error === null ? `${id}-hint` : `${id}-hint ${id}-error`}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button button--secondary">
        {state.isPending ? t('form.sending') : t('claims.amount.save')}
      </button>
    </form>
  );
}

function Draft({
  claim,
  onSaved,
}: {
  readonly claim: Claim;
  readonly onSaved: (confirmed: Confirmed) => void;
}) {
  const { t } = useI18n();
  const kr = useKronor();
  const countLabel = useCountLabel();
  const amountLabel = useAmountLabel();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState(() => new Set(claim.lines.map(keyOf)));
  // The draft is drawn anew for the claim's new version: the confirmation takes focus from the button pressed.
  const refresh = async (next: Claim, text: string) => {
    onSaved({ text, focus: true });
    queryClient.setQueryData([...CLAIMS_KEY, 'municipality', next.id], next);
    await queryClient.invalidateQueries({ queryKey: [...CLAIMS_KEY, 'municipality', 'list'] });
  };
  const save = useMutation({
    mutationFn: () =>
      apiPut<Claim>(`/api/compensation/claims/${encodeURIComponent(claim.id)}/lines`, {
        lines: [...claim.lines, ...claim.candidates]
          .filter((l) => chosen.has(keyOf(l)))
          .map((l) => ({ childId: l.childId, code: l.code, quarter: l.quarter })),
        expectedVersion: claim.version,
      }),
    onSuccess: (next) => refresh(next, t('claims.lines.saved')),
  });
  const submit = useMutation({
    mutationFn: () =>
      apiPost<Claim>(`/api/compensation/claims/${encodeURIComponent(claim.id)}/submit`, {
        expectedVersion: claim.version,
      }),
    onSuccess: (next) => refresh(next, t('claims.submitted')),
  });
  const all = [...claim.lines, ...claim.candidates].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  const unsaved = chosen.size !== claim.lines.length || claim.lines.some((l) => !chosen.has(keyOf(l)));
  return (
    <>
      {(submit.isError || save.isError) && (
        <Problems claim={claim} error={submit.isError ? submit.error : save.error} />
      )}
      <section aria-labelledby="claim-lines" className="section">
        <h2 id="claim-lines">{t('claims.lines.pick')}</h2>
        <p className="hint">{t('claims.lines.pickHint')}</p>
        {all.length === 0 ? (
          <p>{t('claims.lines.none')}</p>
        ) : (
          <fieldset className="fieldset">
            <legend>{t('claims.lines.legend')}</legend>
            <ul className="plain-list">
              {all.map((l) => {
                const id = `line-${keyOf(l).replace(/\|/g, '-')}`;
                return (
                  <li key={keyOf(l)} className="check">
                    <input
                      id={id}
                      type="checkbox"
                      checked={chosen.has(keyOf(l))}
                      onChange={(event) => {
                        const next = new Set(chosen);
                        if (event.target.checked) next.add(keyOf(l));
                        else next.delete(keyOf(l));
                        setChosen(next);
                      }}
                    />
                    <label htmlFor={id}>
                      {t('claims.lines.item', {
                        child: lineLabel(t, l),
                        code: t(`compensation.code.${l.code}`),
                        quarter: l.quarter,
                        days: countLabel(l.code, l.count),
                        amount: amountLabel(l.code, l.amount),
                      })}
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        )}
        <button type="button" className="button button--secondary" onClick={() => save.mutate()}>
          {save.isPending ? t('form.sending') : t('claims.lines.save')}
        </button>
      </section>
      {claim.lines.some((l) => l.amountStated) && (
        <section aria-labelledby="claim-amounts" className="section">
          <h2 id="claim-amounts">{t('claims.amounts')}</h2>
          <p className="hint">{t('claims.amounts.intro')}</p>
          <ul className="plain-list">
            {claim.lines
              .filter((l) => l.amountStated)
              .map((l) => (
                <li key={l.id}>
                  <h3>
                    {lineLabel(t, l)}, {l.quarter}, {countLabel(l.code, l.count)}
                  </h3>
                  <p>
                    {l.statedAmount === null
                      ? t('claims.amount.missing')
                      : t('claims.amount.has', { amount: kr(l.statedAmount) })}
                  </p>
                  <StatedAmountForm
                    claim={claim}
                    line={l}
                    onDone={(next) => refresh(next, t('claims.amount.saved'))}
                  />
                </li>
              ))}
          </ul>
        </section>
      )}
      {claim.lines.some((l) => l.attachmentRequired || l.attachment !== null || l.amountStated) && (
        <section aria-labelledby="claim-attachments" className="section">
          <h2 id="claim-attachments">{t('claims.attachments')}</h2>
          <ul className="plain-list">
            {claim.lines
              .filter((l) => l.attachmentRequired || l.attachment !== null || l.amountStated)
              .map((l) => (
                <li key={l.id}>
                  <h3>
                    {lineLabel(t, l)}, {t(`compensation.code.${l.code}`)}, {l.quarter}
                  </h3>
                  <p>
                    {l.attachment !== null
                      ? t('claims.attachment.has', { file: l.attachment.fileName })
                      : l.attachmentKind !== null
                        ? t(`claims.attachment.missing.${l.attachmentKind}`)
                        : t('claims.attachment.optional')}
                  </p>
                  <AttachmentForm
                    claim={claim}
                    lineId={l.id}
                    onDone={(next) => refresh(next, t('claims.attachment.saved'))}
                  />
                </li>
              ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="claim-submit" className="section">
        <h2 id="claim-submit">{t('claims.submit.title')}</h2>
        <p>{t('claims.submit.intro', { amount: kr(claim.claimed), date: claim.lastDay })}</p>
        {unsaved && <p className="hint">{t('claims.submit.unsaved')}</p>}
        <button type="button" className="button" disabled={submit.isPending} onClick={() => submit.mutate()}>
          {submit.isPending ? t('form.sending') : t('claims.submit')}
        </button>
      </section>
    </>
  );
}

function Submitted({ claim }: { readonly claim: Claim }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const correct = useMutation({
    mutationFn: () =>
      apiPost<Claim>(`/api/compensation/claims/${encodeURIComponent(claim.id)}/versions`, {
        expectedVersion: claim.version,
      }),
    onSuccess: async (next) => {
      await queryClient.invalidateQueries({ queryKey: CLAIMS_KEY });
      await navigate({ to: '/ersattning/ansokningar/$claimId', params: { claimId: next.id } });
    },
  });
  return (
    <>
      <section aria-labelledby="claim-lines" className="section">
        <h2 id="claim-lines">{t('claims.lines')}</h2>
        <SubmittedLines claim={claim} party="municipality" />
      </section>
      {claim.steps.includes('correct') && (
        <section aria-labelledby="claim-correct" className="section">
          <h2 id="claim-correct">{t('claims.correct.title')}</h2>
          <p>{t('claims.correct.intro')}</p>
          {correct.isError && <p className="field-error">{apiErrorText(t, correct.error)}</p>}
          <button type="button" className="button" onClick={() => correct.mutate()}>
            {t('claims.correct')}
          </button>
        </section>
      )}
      <DecisionAndPayment claim={claim} />
    </>
  );
}

export function ClaimPage() {
  const { claimId } = useParams({ from: '/app/ersattning/ansokningar/$claimId' });
  const { t } = useI18n();
  const claim = useClaim('municipality', claimId);
  const [saved, setSaved] = useState<Confirmed | null>(null);
  // Loading and an unknown claim are shown inside the page, under its heading (one h1 on every page).
  if (claim.data === undefined)
    return (
      <Page title={t('claims.title')}>{claim.isError ? <LoadError error={claim.error} /> : <Loading />}</Page>
    );
  const c = claim.data;
  return (
    <Page title={t('claims.claimTitle', { reference: claimReference(c), version: c.versionNo })}>
      <p>
        <Link to="/ersattning/ansokningar">{t('claims.back')}</Link>
      </p>
      <Confirmation confirmed={saved} />
      <ClaimFacts claim={c} />
      {c.status === 'draft' ? (
        <Draft key={`${c.id}-${String(c.version)}`} claim={c} onSaved={setSaved} />
      ) : (
        <Submitted claim={c} />
      )}
      <Versions claim={c} party="municipality" />
    </Page>
  );
}
