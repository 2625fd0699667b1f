/**
 * gate.html's stylesheet, inline because the record must open from a mail attachment or an
 * artifact download with nothing beside it. Print-friendly, readable at 390 px: the page never
 * scrolls sideways, wide tables scroll inside their own frame.
 */
export const GATE_CSS = `
:root { --ink: #181818; --muted: #5c5c5c; --line: #d8dde6; --panel: #f7f9fb; --go: #2e844a; --go-ink: #1d6a38; --go-bg: #ebf7e6;
  --nogo: #ba0517; --nogo-bg: #fef1ee; --warn: #8c4b02; --warn-bg: #fef4e4; --idle: #514f4d; --idle-bg: #f3f3f3;
  --link: #0b5cab; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--link); }
a:focus-visible, .table-frame:focus-visible { outline: 3px solid #1b96ff; outline-offset: 2px; }
.page { max-width: 1180px; margin: 0 auto; padding: 0 20px 48px; }
.masthead { border-bottom: 1px solid var(--line); padding: 20px 0 14px; margin-bottom: 20px; }
.eyebrow { margin: 0; font-size: 12px; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); font-weight: 600; }
h1 { margin: 2px 0 4px; font-size: 26px; line-height: 1.25; overflow-wrap: anywhere; }
.facts-line { margin: 0; color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 6px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 20px 0 8px; }
p, li, dd { overflow-wrap: anywhere; }
.verdict { border-radius: 10px; border: 2px solid; padding: 18px 22px 16px; }
.verdict-go { border-color: var(--go); background: var(--go-bg); }
.verdict-nogo { border-color: var(--nogo); background: var(--nogo-bg); }
.verdict h2 { margin: 0; border: 0; padding: 0; display: flex; flex-wrap: wrap; align-items: center; gap: 12px; font-size: 22px; }
.decision { display: inline-block; color: #fff; font-size: 28px; font-weight: 800; letter-spacing: .04em; padding: 4px 16px; border-radius: 6px; }
.verdict-go .decision { background: var(--go); }
.verdict-nogo .decision { background: var(--nogo); }
.verdict .sentence { font-size: 17px; margin: 10px 0 14px; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin: 0 0 6px; padding: 0; list-style: none; }
.figures li { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; }
.figures strong { display: block; font-size: 22px; line-height: 1.2; }
.figures span { font-size: 13px; color: var(--muted); }
.reasons { margin: 8px 0 0; padding-left: 22px; }
.reasons li { margin: 6px 0; }
.rule { display: inline-block; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; color: var(--nogo); margin-right: 6px; }
.notes .rule { color: var(--warn); }
.table-frame { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; margin: 8px 0 4px; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
/* Wide tables keep a readable width and scroll inside their frame rather than squeezing to a phone. */
table.wide { min-width: 880px; }
table.medium { min-width: 640px; }
caption { text-align: left; padding: 8px 12px; color: var(--muted); font-size: 13px; caption-side: top; }
th, td { text-align: left; vertical-align: top; padding: 8px 12px; border-top: 1px solid var(--line); }
thead th { background: var(--panel); border-top: 0; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); white-space: nowrap; }
tbody th { font-weight: 600; }
tbody.requirement > tr:first-child > * { border-top: 2px solid var(--line); }
.req-id { display: block; font-weight: 700; }
.req-title { display: block; font-weight: 400; min-width: 14em; }
td.scenario { min-width: 14em; }
.small { font-size: 12px; color: var(--muted); font-weight: 400; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.pill { display: inline-block; white-space: nowrap; font-size: 12px; font-weight: 700; padding: 1px 8px; border-radius: 999px; border: 1px solid; }
.ok { color: var(--go-ink); background: var(--go-bg); border-color: var(--go); }
.bad { color: var(--nogo); background: var(--nogo-bg); border-color: var(--nogo); }
.warn { color: var(--warn); background: var(--warn-bg); border-color: var(--warn); }
.idle { color: var(--idle); background: var(--idle-bg); border-color: #a0a0a0; }
.sev { text-transform: capitalize; }
.evidence { margin: 0; padding: 0; list-style: none; }
.evidence li { white-space: nowrap; }
.evidence-row { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.evidence-row .evidence { display: flex; flex-wrap: wrap; gap: 4px 12px; }
.triage { min-width: 11em; }
.triage strong { display: block; }
.failure { border: 1px solid var(--line); border-left: 4px solid var(--nogo); border-radius: 6px; padding: 4px 14px 10px; margin: 12px 0; }
.failure.waived { border-left-color: var(--warn); }
.failure h3 { margin: 8px 0 4px; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; font-size: 13px; margin: 6px 0; }
code { font-size: 13px; overflow-wrap: anywhere; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.empty { color: var(--muted); font-style: italic; }
footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--muted); font-size: 13px; }
@media (max-width: 600px) {
  .page { padding: 0 14px 32px; }
  h1 { font-size: 21px; }
  .decision { font-size: 22px; }
  .verdict { padding: 14px; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 6px; }
}
@media print { .table-frame { overflow: visible; } a { color: inherit; } }
`;
