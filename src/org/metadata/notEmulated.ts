import type { MetadataProblem } from './types.ts';

/**
 * The catalogue of metadata the local org reads past without emulating it, with what a tester
 * should expect meanwhile. Keyed by file suffix (`X.<suffix>-meta.xml`), lower-cased.
 * Anything not listed here and not loaded is still reported, with a generic hint: the loader
 * never drops a file silently.
 */

interface NotEmulated {
  /** The folder name Salesforce uses, which is what people recognise. */
  element: string;
  message: string;
  hint: string;
}

const PLANNED = 'Planned for a later golive release.';

const CATALOGUE: Readonly<Record<string, NotEmulated>> = {
  autoresponserules: { element: 'autoResponseRules', message: 'Auto-response rules are not emulated.', hint: 'No email is sent by the local org.' },
  escalationrules: { element: 'escalationRules', message: 'Escalation rules are not emulated.', hint: 'Cases are not escalated by the local org.' },
  cls: {
    element: 'classes',
    message: 'Apex classes are not run by the local org.',
    hint: `${PLANNED} Apex REST endpoints and invocable actions of this class answer NOT_FOUND; test them in a sandbox.`,
  },
  trigger: {
    element: 'triggers',
    message: 'Apex triggers are not run by the local org.',
    hint: `${PLANNED} Until then saves skip this trigger's logic; test it in a sandbox.`,
  },
  workflow: {
    element: 'workflows',
    message: 'Workflow rules (field updates, outbound messages) are not emulated.',
    hint: 'Fields a workflow would update stay as the API wrote them.',
  },
  approvalprocess: { element: 'approvalProcesses', message: 'Approval processes are not emulated.', hint: 'Records cannot be submitted for approval locally.' },
  flexipage: { element: 'flexipages', message: 'Lightning pages are not emulated.', hint: 'UI only: the API behaves the same without them.' },
  listview: { element: 'listViews', message: 'List views are not emulated.', hint: 'UI only: the API behaves the same without them.' },
  compactlayout: { element: 'compactLayouts', message: 'Compact layouts are not emulated.', hint: 'UI only: the API behaves the same without them.' },
  weblink: { element: 'webLinks', message: 'Buttons and links are not emulated.', hint: 'UI only: the API behaves the same without them.' },
  quickaction: { element: 'quickActions', message: 'Quick actions are not emulated.', hint: 'The local org offers no quick actions through the API.' },
  tab: { element: 'tabs', message: 'Tabs are not emulated.', hint: 'UI only: the API behaves the same without them.' },
  app: { element: 'applications', message: 'Apps are not emulated.', hint: 'UI only: the API behaves the same without them.' },
  fieldset: { element: 'fieldSets', message: 'Field sets are not emulated.', hint: 'UI only: the API behaves the same without them.' },
  businessprocess: {
    element: 'businessProcesses',
    message: 'Business processes are not emulated.',
    hint: 'Every stage or status value is allowed for every record type locally.',
  },
  sharingreason: { element: 'sharingReasons', message: 'Apex sharing reasons are not emulated.', hint: 'Share records with this reason cannot be created locally.' },
  index: { element: 'indexes', message: 'Custom indexes are not emulated.', hint: 'No effect on results.' },
  permissionsetgroup: {
    element: 'permissionsetgroups',
    message: 'Permission set groups are not emulated yet.',
    hint: 'Assign the permission sets directly in golive/users.json meanwhile.',
  },
  custompermission: { element: 'customPermissions', message: 'Custom permissions are not emulated yet.', hint: PLANNED },
  labels: { element: 'labels', message: 'Custom labels are not emulated.', hint: 'The API of the local org does not serve them.' },
  md: { element: 'customMetadata', message: 'Custom metadata records are not emulated.', hint: 'Queries on __mdt types fail locally.' },
  email: { element: 'email', message: 'Email templates are not emulated.', hint: 'The local org sends no email.' },
  report: { element: 'reports', message: 'Reports are not emulated.', hint: 'The Analytics API is not served locally.' },
  dashboard: { element: 'dashboards', message: 'Dashboards are not emulated.', hint: 'The Analytics API is not served locally.' },
  resource: { element: 'staticresources', message: 'Static resources are not served.', hint: 'UI only.' },
  page: { element: 'pages', message: 'Visualforce pages are not served.', hint: 'UI only.' },
  component: { element: 'components', message: 'Visualforce components are not served.', hint: 'UI only.' },
  remotesite: { element: 'remoteSiteSettings', message: 'Remote site settings have no effect locally.', hint: 'No callouts are made by the local org.' },
  namedcredential: { element: 'namedCredentials', message: 'Named credentials have no effect locally.', hint: 'No callouts are made by the local org.' },
  settings: { element: 'settings', message: 'These org settings are not emulated.', hint: 'The local org behaves as with Salesforce defaults.' },
};

/** The problem for a file of a metadata type the local org does not emulate. */
export function notEmulatedFile(file: string, suffix: string): MetadataProblem {
  const known = CATALOGUE[suffix.toLowerCase()];
  if (known) return { file, element: known.element, message: known.message, hint: known.hint };
  return {
    file,
    element: suffix,
    message: `Metadata of type '${suffix}' is not emulated by the local org.`,
    hint: 'The local org behaves as if this file were absent; test what it does in a sandbox.',
  };
}

/** One problem per Lightning or Aura component bundle, not per file in it. */
export function notEmulatedBundle(dir: string, kind: 'lwc' | 'aura'): MetadataProblem {
  return {
    file: dir,
    element: kind,
    message: kind === 'lwc' ? 'Lightning web components are not served by the local org.' : 'Aura components are not served by the local org.',
    hint: 'UI only: the API behaves the same without them.',
  };
}
