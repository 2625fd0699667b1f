import type { FastifyInstance } from 'fastify';
import { type UiDeps, uiState } from '../UiDeps.ts';
import { objectIconName, standardIcon } from '../components/icon.ts';
import { lazyRegion } from '../components/lazyRegion.ts';
import { type Html, html } from '../render/html.ts';
import { recordTable } from '../records/recordTable.ts';
import { objectNameOfId } from '../records/objectOfId.ts';
import { recordViewUrl } from '../records/recordUrls.ts';
import { renderPage, sendFragment, sendHtml } from '../shell/pageShell.ts';
import type { UiRequestState } from '../session/UiSessions.ts';
import { MIN_TERM_LENGTH, searchRecords, TERM_TOO_SHORT } from '../search/searchRecords.ts';

const RESULTS_PER_OBJECT = 50;
const SUGGESTIONS_PER_OBJECT = 3;

function termOf(query: unknown): string {
  const q = (query as { q?: unknown }).q;
  return typeof q === 'string' ? q.trim().slice(0, 200) : '';
}

function renderResults(deps: UiDeps, ui: UiRequestState, term: string): Html {
  if (term.length < MIN_TERM_LENGTH) return html`<p class="slds-text-color_weak" role="alert">${TERM_TOO_SHORT}</p>`;
  const sections = searchRecords(deps, ui.user, term, RESULTS_PER_OBJECT).filter((s) => s.records.length > 0);
  if (sections.length === 0) return html`<p class="slds-text-heading_small gl-empty">Don't give up yet! We couldn't find any results for “${term}”.</p>`;
  return html`${sections.map((s) => {
    const headingId = `gl-results-${s.object.name}`;
    return html`<section class="slds-card gl-search-section" aria-labelledby="${headingId}">
  <div class="slds-card__header slds-grid"><header class="slds-media slds-media_center">
    <div class="slds-media__figure">${standardIcon(objectIconName(s.object.name), { size: 'small' })}</div>
    <div class="slds-media__body"><h2 class="slds-card__header-title" id="${headingId}">${s.object.labelPlural}</h2></div>
  </header></div>
  <div class="slds-card__body">${recordTable({
    object: s.object,
    columns: s.columns,
    records: s.records,
    timeZone: ui.user.timeZone,
    label: `${s.object.labelPlural} results`,
    objectNameOfId: (id) => objectNameOfId(deps, id),
  })}</div>
</section>`;
  })}`;
}

/** The listbox options of the header search (assets/lib/searchBox.js shows them as the user types). */
function renderSuggestions(deps: UiDeps, ui: UiRequestState, term: string): Html {
  if (term.length < MIN_TERM_LENGTH) return html``;
  const options = searchRecords(deps, ui.user, term, SUGGESTIONS_PER_OBJECT).flatMap((s) =>
    s.records.map((r) => ({ object: s.object, id: String(r.Id), name: String(r[s.object.nameField] ?? r.Id) })),
  );
  return html`<ul class="slds-listbox slds-listbox_vertical" role="presentation">${options.map(
    (o, i) => html`<li role="presentation" class="slds-listbox__item">
    <div id="gl-search-option-${i}" class="slds-media slds-listbox__option slds-listbox__option_entity slds-listbox__option_has-meta" role="option" aria-selected="false" data-gl-href="${recordViewUrl(o.object.name, o.id)}">
      <span class="slds-media__figure slds-listbox__option-icon">${standardIcon(objectIconName(o.object.name), { size: 'small' })}</span>
      <span class="slds-media__body"><span class="slds-listbox__option-text slds-listbox__option-text_entity">${o.name}</span><span class="slds-listbox__option-meta slds-listbox__option-meta_entity">${o.object.label}</span></span>
    </div>
  </li>`,
  )}</ul>`;
}

/** /lightning/search?q=: the search results page, and the suggestion fragment of the header search. */
export function searchRoutes(app: FastifyInstance, deps: UiDeps): void {
  app.get('/search', async (req, reply) => {
    const ui = uiState(req);
    const term = termOf(req.query);
    const body = html`<div class="gl-search-page">
  <div class="slds-page-header gl-page-header"><h1 class="slds-page-header__title">Search Results</h1>${term ? html`<p class="slds-text-body_small">for “${term}”</p>` : ''}</div>
  ${lazyRegion(deps.settings.realism, { url: `/lightning/_ui/search?q=${encodeURIComponent(term)}`, render: () => renderResults(deps, ui, term), className: 'gl-search-results' })}
</div>`;
    return sendHtml(reply, renderPage(deps, ui, { title: 'Search Results', body, searchTerm: term }));
  });

  app.get('/_ui/search', async (req, reply) => sendFragment(reply, renderResults(deps, uiState(req), termOf(req.query))));
  app.get('/_ui/search/suggest', async (req, reply) => sendFragment(reply, renderSuggestions(deps, uiState(req), termOf(req.query))));
}
