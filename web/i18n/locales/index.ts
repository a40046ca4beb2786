// The six locale files as i18next resources, one namespace ("translation") each.
import type { Language } from '../../../core/model.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import type { Messages } from './messages.js';
import { ru } from './ru.js';
import { zh } from './zh.js';

export type { Messages } from './messages.js';
export const LOCALES: Record<Language, Messages> = { ar, zh, en, fr, ru, es };
export const resources = Object.fromEntries(Object.entries(LOCALES).map(([code, translation]) => [code, { translation }]));
