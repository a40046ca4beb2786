// A <select> of the six official languages, named in English: every page that
// asks for a language uses this one control.
import { PROFILES } from '../../core/languages/index.js';

/** `anyLabel` adds a first choice, value "", for "no language filter". */
export function LanguageSelect({ value, onChange, className, anyLabel }: { value: string; onChange: (language: string) => void; className?: string; anyLabel?: string }) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} aria-label="Language" className={className}>
      {anyLabel !== undefined && <option value="">{anyLabel}</option>}
      {Object.values(PROFILES).map(({ code, name }) => (
        <option key={code} value={code}>
          {name}
        </option>
      ))}
    </select>
  );
}
