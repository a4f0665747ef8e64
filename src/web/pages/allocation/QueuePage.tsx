/** The queue: the municipalities in the order the rule would pick them for single children without relatives. */
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useQueue } from '../../api/allocation-queries.ts';
import { RULES, type Rule } from '../../api/allocation-types.ts';
import { Page } from '../../components/Page.tsx';
import { Announce, LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { FiguresTable } from './FiguresTable.tsx';
import { QUEUE_LENGTHS } from './queue-lengths.ts';

function QueueForm({ rule, length }: { readonly rule: Rule; readonly length: number }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [chosenRule, setRule] = useState<Rule>(rule);
  const [chosenLength, setLength] = useState(length);
  return (
    <form
      className="form filters"
      aria-labelledby="queue-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        void navigate({ to: '/ko', search: { rule: chosenRule, length: chosenLength } });
      }}
    >
      <h2 id="queue-form-title">{t('queue.choose')}</h2>
      <div className="filters__row">
        <fieldset className="field fieldset">
          <legend>{t('queue.rule')}</legend>
          <div className="radios">
            {RULES.map((r) => (
              <div className="check" key={r}>
                <input
                  id={`queue-rule-${r}`}
                  type="radio"
                  name="rule"
                  value={r}
                  checked={chosenRule === r}
                  onChange={() => setRule(r)}
                />
                <label htmlFor={`queue-rule-${r}`}>{t(`rule.${r}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="queue-length">{t('queue.length')}</label>
          <select
            id="queue-length"
            className="input"
            value={chosenLength}
            onChange={(event) => setLength(Number(event.target.value))}
          >
            {QUEUE_LENGTHS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="actions">
        <button type="submit" className="button button--primary">
          {t('queue.show')}
        </button>
      </p>
    </form>
  );
}

export function QueuePage({ rule, length }: { readonly rule: Rule; readonly length: number }) {
  const { t } = useI18n();
  const queue = useQueue(rule, length);
  return (
    <Page title={t('queue.title')}>
      <p className="lead">{t('queue.intro')}</p>
      <p>{t(`rule.${rule}.explain`)}</p>
      <QueueForm key={`${rule}-${length}`} rule={rule} length={length} />
      <Announce>
        {queue.data !== undefined && (
          <p className="result-count">
            {t('queue.count', { count: queue.data.next.length, rule: t(`rule.${rule}`).toLocaleLowerCase() })}
          </p>
        )}
      </Announce>
      {queue.isPending && <Loading />}
      {queue.isError && <LoadError error={queue.error} />}
      {queue.data?.shareVersionId === null && <p>{t('queue.noShares')}</p>}
      {queue.data !== undefined && queue.data.next.length > 0 && (
        <FiguresTable
          rows={queue.data.next}
          caption={t('queue.caption', { rule: t(`rule.${rule}`).toLocaleLowerCase() })}
        />
      )}
    </Page>
  );
}
