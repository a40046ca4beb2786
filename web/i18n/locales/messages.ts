// The shape of a locale file: nested keys, each leaf one interface string.
export interface Messages {
  [key: string]: string | Messages;
}
