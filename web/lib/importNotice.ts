// What an import saw (tracked changes, warnings), handed from the "New draft"
// panel to the editor it navigates to: read once when the editor opens.
import type { ImportResultT } from '../api.js';

export type ImportNotice = Pick<ImportResultT, 'changesSeen' | 'changes' | 'warnings'> & { paragraphs: number; source: string };

const notices = new Map<string, ImportNotice>();

export const setImportNotice = (draftId: string, notice: ImportNotice) => void notices.set(draftId, notice);
export const peekImportNotice = (draftId: string): ImportNotice | null => notices.get(draftId) ?? null;
export const clearImportNotice = (draftId: string) => void notices.delete(draftId);
