/**
 * Untrusted text (titles, messages, org names) inside gate.md, where it may be shown by a pull
 * request or a mail client that renders Markdown and inline HTML: one line, no table-breaking
 * pipes, no markup, no links or emphasis that the text did not mean.
 */
export function mdText(text: string, maxLength = 160): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const short = oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1)}…` : oneLine;
  return short.replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}
