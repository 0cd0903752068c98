// The API's rule for free text (TextRules.IsValidText): bounded, no control characters but tab and line breaks.
// Checked in the browser too, so the message shows before a round trip.

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Why `value` is not acceptable free text, or null when it is. */
export function textProblem(value: string, maxLength: number): string | null {
  if (value.length > maxLength) return `must be at most ${maxLength.toLocaleString("en-US")} characters (now ${value.length.toLocaleString("en-US")})`;
  if (CONTROL.test(value)) return "must not contain control characters";
  return null;
}
