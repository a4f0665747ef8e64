/** The problems the server found in an uploaded CSV file, one per line ("Rad 3: …"), all of them. */
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../language.tsx';

export interface LineProblem {
  readonly line: number | null;
  readonly message: string;
}

/** The line problems of a 422 invalid_csv answer (fields `body.csv.line3`), or null for any other error. */
export function lineProblems(error: unknown): LineProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'invalid_csv') return null;
  return error.fields.map((f) => {
    const line = /line(\d+)$/.exec(f.field)?.[1];
    return {
      line: line === undefined ? null : Number(line),
      message: f.message.replace(/^rad \d+: /, ''),
    };
  });
}

export function LineProblems({
  id,
  problems,
}: {
  readonly id: string;
  readonly problems: readonly LineProblem[];
}) {
  const { t, tn } = useI18n();
  return (
    <div className="line-problems" id={id} data-testid="line-problems">
      <h3 className="line-problems__title">{tn('shares.problemsTitle', problems.length)}</h3>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.line ?? 'file'}-${i}`}>
            {p.line === null ? p.message : t('shares.lineProblem', { line: p.line, message: p.message })}
          </li>
        ))}
      </ul>
    </div>
  );
}
