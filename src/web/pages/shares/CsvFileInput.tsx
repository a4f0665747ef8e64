/** A file picker that reads a CSV file in the browser and hands over its text (nothing is uploaded by itself). */
import { useState } from 'react';
import { useI18n } from '../../language.tsx';

export function CsvFileInput({
  id,
  label,
  onText,
}: {
  readonly id: string;
  readonly label: string;
  readonly onText: (text: string) => void;
}) {
  const { t } = useI18n();
  const [read, setRead] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('shares.fileHint')}
      </p>
      <input
        id={id}
        type="file"
        accept=".csv,text/csv,text/plain"
        className="file-input"
        aria-describedby={`${id}-hint`}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          if (file === undefined) return;
          onText(await file.text());
          setRead(file.name);
        }}
      />
      <div role="status" className="announce">
        {read !== null && <p className="hint">{t('shares.fileRead', { name: read })}</p>}
      </div>
    </div>
  );
}
