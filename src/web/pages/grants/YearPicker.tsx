/** The grant year shown: this year and the years before it. */
import { useI18n } from '../../language.tsx';

export function YearPicker({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const { t } = useI18n();
  const now = new Date().getFullYear();
  return (
    <div className="field">
      <label htmlFor="grant-year-shown">{t('grants.year')}</label>
      <select
        id="grant-year-shown"
        className="input select"
        value={year}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {[now + 1, now, now - 1, now - 2].map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}
