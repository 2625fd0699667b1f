import { type Html, html } from '../render/html.ts';

const SPRITES = {
  utility: '/assets/slds/icons/utility-sprite/svg/symbols.svg',
  standard: '/assets/slds/icons/standard-sprite/svg/symbols.svg',
} as const;

export type IconSize = 'xx-small' | 'x-small' | 'small' | 'large';

/** The standard icon of an object: its own where SLDS has one, the generic record icon otherwise. */
export function objectIconName(objectName: string): string {
  const own: Record<string, string> = { Lead: 'lead', Account: 'account', Contact: 'contact', Opportunity: 'opportunity', Task: 'task', Event: 'event', Case: 'case', Campaign: 'campaign', User: 'user' };
  return own[objectName] ?? 'record';
}

/**
 * An SLDS standard (coloured tile) icon. Decorative unless `label` is given, in which case the
 * label is the icon's text for assistive technology.
 */
export function standardIcon(name: string, options: { size?: IconSize; label?: string } = {}): Html {
  const size = options.size ? `slds-icon_${options.size}` : 'slds-icon_small';
  return html`<span class="slds-icon_container slds-icon-standard-${name}"><svg class="slds-icon ${size}" aria-hidden="true"><use href="${SPRITES.standard}#${name}"></use></svg>${
    options.label ? html`<span class="slds-assistive-text">${options.label}</span>` : ''
  }</span>`;
}

/** A utility (glyph) icon, always decorative: the control around it carries the accessible name. */
export function utilityIcon(name: string, className = 'slds-icon slds-icon_x-small slds-icon-text-default'): Html {
  return html`<svg class="${className}" aria-hidden="true"><use href="${SPRITES.utility}#${name}"></use></svg>`;
}

/** The glyph inside an SLDS button (`slds-button__icon`). */
export function buttonIcon(name: string, extraClass = ''): Html {
  return utilityIcon(name, `slds-button__icon ${extraClass}`.trim());
}
