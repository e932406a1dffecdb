export const HANDOFF_KEY = 'handshake:diagnose-handoff';

/** Send pasted log text to the diagnosis view through sessionStorage: never through a URL. */
export function handOffToDiagnose(text: string, go: (href: string) => void) {
  try {
    sessionStorage.setItem(HANDOFF_KEY, text);
  } catch {
    /* storage off: the diagnose page simply opens empty */
  }
  go('/diagnose/');
}
