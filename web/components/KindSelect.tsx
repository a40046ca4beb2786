// A <select> of document kinds, from the model's own list, with an "any" choice:
// the filters of the precedent panel and the documents page use this one control.
import { DOCUMENT_KINDS } from '../../core/model.js';

export function KindSelect({ value, onChange, anyLabel = 'any' }: { value: string; onChange: (kind: string) => void; anyLabel?: string }) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} aria-label="Kind">
      <option value="">{anyLabel}</option>
      {DOCUMENT_KINDS.map((kind) => (
        <option key={kind} value={kind}>
          {kind}
        </option>
      ))}
    </select>
  );
}
