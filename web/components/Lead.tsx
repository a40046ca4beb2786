// A paragraph's text with its lead phrase set as the UN sets it.
import { profileOf } from '../../core/languages/index.js';
import { leadOf } from '../../core/lead.js';

export function LeadText({ text, language, lead }: { text: string; language: string; lead?: string | null }) {
  const l = leadOf(text, language, lead);
  if (!l) return <>{text}</>;
  return (
    <>
      <span className={`lead lead-${profileOf(language).leadEmphasis}`}>{l}</span>
      {text.slice(l.length)}
    </>
  );
}
