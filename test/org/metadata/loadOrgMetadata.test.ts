import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadOrgMetadata } from '../../../src/org/metadata/loadOrgMetadata.ts';
import { MetadataError, type MetadataProblem, type OrgDefinition } from '../../../src/org/metadata/types.ts';
import { MAIN, customObjectXml, fieldXml, makeProject, removeProjects, xml } from './sfdxProject.ts';

after(removeProjects);

const OBJ = `${MAIN}/objects`;
const fieldOf = (def: OrgDefinition, object: string, name: string) => {
  const o = def.schema.object(object);
  assert.ok(o, `${object} exists`);
  const f = def.schema.field(o, name);
  assert.ok(f, `${object}.${name} exists`);
  return f;
};
const problemsFor = (def: OrgDefinition, file: string) => def.problems.filter((p) => p.file === file);
const one = (problems: MetadataProblem[], element: string): MetadataProblem => {
  const found = problems.filter((p) => p.element === element);
  assert.equal(found.length, 1, `one problem for <${element}>, got ${JSON.stringify(problems)}`);
  return found[0];
};

/** Expects a MetadataError and returns it. */
function loadError(dir: string): MetadataError {
  try {
    loadOrgMetadata(dir);
  } catch (err) {
    assert.ok(err instanceof MetadataError, `a MetadataError, got ${String(err)}`);
    assert.ok(!err.message.includes('\n'), 'the message is one line');
    return err;
  }
  assert.fail('expected loadOrgMetadata to throw');
}

describe('custom objects and fields', () => {
  const F = `${OBJ}/Invoice__c/fields`;
  const dir = makeProject({
    [`${OBJ}/Invoice__c/Invoice__c.object-meta.xml`]: customObjectXml('Invoice', '\n    <enableActivities>true</enableActivities>'),
    [`${OBJ}/Bill__c/Bill__c.object-meta.xml`]: xml(
      'CustomObject',
      '<label>Bill</label><pluralLabel>Bills</pluralLabel><nameField><label>Bill Number</label><type>AutoNumber</type><displayFormat>B-{0000}</displayFormat></nameField><sharingModel>Private</sharingModel>',
    ),
    [`${F}/Code__c.field-meta.xml`]: fieldXml('<fullName>Code__c</fullName><label>Code</label><type>Text</type><length>30</length><required>true</required><unique>true</unique><externalId>true</externalId><inlineHelpText>The code.</inlineHelpText><description>Ignored.</description>'),
    [`${F}/Notes__c.field-meta.xml`]: fieldXml('<fullName>Notes__c</fullName><label>Notes</label><type>TextArea</type>'),
    [`${F}/Memo__c.field-meta.xml`]: fieldXml('<fullName>Memo__c</fullName><label>Memo</label><type>LongTextArea</type><length>5000</length><visibleLines>3</visibleLines>'),
    [`${F}/Contact_Email__c.field-meta.xml`]: fieldXml('<label>Contact Email</label><type>Email</type>'),
    [`${F}/Hotline__c.field-meta.xml`]: fieldXml('<label>Hotline</label><type>Phone</type>'),
    [`${F}/Portal__c.field-meta.xml`]: fieldXml('<label>Portal</label><type>Url</type>'),
    [`${F}/Quantity__c.field-meta.xml`]: fieldXml('<label>Quantity</label><type>Number</type><precision>10</precision><scale>0</scale><defaultValue>1</defaultValue>'),
    [`${F}/Total__c.field-meta.xml`]: fieldXml('<label>Total</label><type>Currency</type><precision>16</precision><scale>2</scale>'),
    [`${F}/Discount__c.field-meta.xml`]: fieldXml('<label>Discount</label><type>Percent</type><precision>5</precision><scale>2</scale>'),
    [`${F}/Paid__c.field-meta.xml`]: fieldXml('<label>Paid</label><type>Checkbox</type><defaultValue>true</defaultValue>'),
    [`${F}/Due__c.field-meta.xml`]: fieldXml('<label>Due</label><type>Date</type>'),
    [`${F}/Sent_At__c.field-meta.xml`]: fieldXml('<label>Sent At</label><type>DateTime</type>'),
    [`${F}/Currency_Code__c.field-meta.xml`]: fieldXml(`<label>Currency</label><type>Text</type><length>3</length><defaultValue>"EUR"</defaultValue>`),
    [`${F}/Status__c.field-meta.xml`]: fieldXml(
      '<label>Status</label><type>Picklist</type><valueSet><restricted>true</restricted><valueSetDefinition><sorted>false</sorted>' +
        '<value><fullName>Draft</fullName><default>true</default><label>Draft</label></value>' +
        '<value><fullName>Sent</fullName><default>false</default><label>Sent out</label></value>' +
        '<value><fullName>Void</fullName><default>false</default><isActive>false</isActive></value>' +
        '</valueSetDefinition></valueSet>',
    ),
    [`${F}/Channels__c.field-meta.xml`]: fieldXml(
      '<label>Channels</label><type>MultiselectPicklist</type><visibleLines>4</visibleLines><valueSet><valueSetDefinition>' +
        '<value><fullName>Email</fullName><default>false</default><label>Email</label></value>' +
        '<value><fullName>Post</fullName><default>false</default><label>Post</label></value>' +
        '</valueSetDefinition></valueSet>',
    ),
    [`${F}/Region__c.field-meta.xml`]: fieldXml('<label>Region</label><type>Picklist</type><valueSet><valueSetName>Regions</valueSetName></valueSet>'),
    [`${F}/Account__c.field-meta.xml`]: fieldXml('<label>Account</label><type>Lookup</type><referenceTo>Account</referenceTo><relationshipName>Invoices</relationshipName><relationshipLabel>Invoices</relationshipLabel><deleteConstraint>SetNull</deleteConstraint>'),
    [`${F}/Bill__c.field-meta.xml`]: fieldXml('<label>Bill</label><type>MasterDetail</type><referenceTo>Bill__c</referenceTo><relationshipName>Invoices</relationshipName><relationshipOrder>0</relationshipOrder>'),
    [`${MAIN}/globalValueSets/Regions.globalValueSet-meta.xml`]: xml(
      'GlobalValueSet',
      '<customValue><fullName>North</fullName><default>false</default><label>North</label></customValue><customValue><fullName>South</fullName><default>true</default><label>South</label></customValue><masterLabel>Regions</masterLabel><sorted>false</sorted>',
    ),
  });
  const def = loadOrgMetadata(dir);

  it('builds custom objects with deterministic key prefixes, labels and name fields', () => {
    const bill = def.schema.object('Bill__c')!;
    const invoice = def.schema.object('invoice__c')!;
    assert.deepEqual([bill.keyPrefix, invoice.keyPrefix], ['a00', 'a01'], 'assigned in name order');
    assert.deepEqual([invoice.label, invoice.labelPlural, invoice.custom, invoice.sharingModel], ['Invoice', 'Invoices', true, 'ReadWrite']);
    assert.equal(bill.sharingModel, 'Private');
    const name = fieldOf(def, 'Invoice__c', 'Name');
    assert.deepEqual([name.type, name.label, name.length, name.nameField, name.required, name.createable], ['string', 'Invoice Name', 80, true, false, true]);
    const billName = fieldOf(def, 'Bill__c', 'Name');
    assert.deepEqual([billName.createable, billName.autoNumber], [false, { displayFormat: 'B-{0000}', startingNumber: 1 }]);
    assert.ok(invoice.fieldsByLowerName.has('ownerid'));
    assert.equal(invoice.source, `${OBJ}/Invoice__c/Invoice__c.object-meta.xml`);
  });

  it('maps every supported field type to its describe type', () => {
    const shape = (name: string) => {
      const f = fieldOf(def, 'Invoice__c', name);
      return { type: f.type, length: f.length, precision: f.precision, scale: f.scale };
    };
    assert.deepEqual(shape('Code__c'), { type: 'string', length: 30, precision: 0, scale: 0 });
    assert.deepEqual(shape('Notes__c'), { type: 'textarea', length: 255, precision: 0, scale: 0 });
    assert.deepEqual(shape('Memo__c'), { type: 'textarea', length: 5000, precision: 0, scale: 0 });
    assert.deepEqual(shape('Contact_Email__c'), { type: 'email', length: 80, precision: 0, scale: 0 });
    assert.deepEqual(shape('Hotline__c'), { type: 'phone', length: 40, precision: 0, scale: 0 });
    assert.deepEqual(shape('Portal__c'), { type: 'url', length: 255, precision: 0, scale: 0 });
    assert.deepEqual(shape('Quantity__c'), { type: 'double', length: 0, precision: 10, scale: 0 });
    assert.deepEqual(shape('Total__c'), { type: 'currency', length: 0, precision: 16, scale: 2 });
    assert.deepEqual(shape('Discount__c'), { type: 'percent', length: 0, precision: 5, scale: 2 });
    assert.equal(shape('Paid__c').type, 'boolean');
    assert.equal(shape('Due__c').type, 'date');
    assert.equal(shape('Sent_At__c').type, 'datetime');
    assert.deepEqual(shape('Channels__c'), { type: 'multipicklist', length: 4099, precision: 0, scale: 0 });
  });

  it('maps field attributes: required, unique, external id, help text, literal defaults', () => {
    const code = fieldOf(def, 'Invoice__c', 'Code__c');
    assert.deepEqual(
      [code.label, code.required, code.nillable, code.unique, code.externalId, code.idLookup, code.custom, code.inlineHelpText],
      ['Code', true, false, true, true, true, true, 'The code.'],
    );
    assert.equal(code.source, `${OBJ}/Invoice__c/fields/Code__c.field-meta.xml`);
    assert.deepEqual([fieldOf(def, 'Invoice__c', 'Paid__c').defaultValue, fieldOf(def, 'Invoice__c', 'Paid__c').defaultedOnCreate], [true, true]);
    assert.equal(fieldOf(def, 'Invoice__c', 'Quantity__c').defaultValue, 1);
    assert.equal(fieldOf(def, 'Invoice__c', 'Currency_Code__c').defaultValue, 'EUR');
    assert.equal(fieldOf(def, 'Invoice__c', 'Notes__c').defaultValue, undefined);
  });

  it('maps picklists: values, labels, default, inactive values, restriction, global value sets', () => {
    const status = fieldOf(def, 'Invoice__c', 'Status__c');
    assert.deepEqual(status.picklistValues, [
      { value: 'Draft', label: 'Draft', active: true, defaultValue: true },
      { value: 'Sent', label: 'Sent out', active: true, defaultValue: false },
      { value: 'Void', label: 'Void', active: false, defaultValue: false },
    ]);
    assert.deepEqual([status.restrictedPicklist, status.defaultValue], [true, 'Draft']);
    assert.equal(fieldOf(def, 'Invoice__c', 'Channels__c').restrictedPicklist, false);
    const region = fieldOf(def, 'Invoice__c', 'Region__c');
    assert.deepEqual(region.picklistValues!.map((v) => v.value), ['North', 'South']);
    assert.deepEqual([region.restrictedPicklist, region.defaultValue], [true, 'South']);
  });

  it('maps lookups with Salesforce relationship names', () => {
    const account = fieldOf(def, 'Invoice__c', 'Account__c');
    assert.deepEqual(
      [account.type, account.referenceTo, account.relationshipName, account.childRelationshipName, account.required, account.length],
      ['reference', ['Account'], 'Account__r', 'Invoices__r', false, 18],
    );
    const child = def.schema.object('Account')!.childRelationships.find((c) => c.childSObject === 'Invoice__c');
    assert.deepEqual(child, { childSObject: 'Invoice__c', field: 'Account__c', relationshipName: 'Invoices__r', cascadeDelete: false });
    assert.equal(def.schema.object('Invoice__c')!.referencesByRelationship.get('account__r')?.name, 'Account__c');
  });

  it('emulates master-detail as a required lookup, and says so', () => {
    const bill = fieldOf(def, 'Invoice__c', 'Bill__c');
    assert.deepEqual([bill.type, bill.required, bill.updateable, bill.referenceTo], ['reference', true, false, ['Bill__c']]);
    const p = one(problemsFor(def, `${F}/Bill__c.field-meta.xml`), 'type');
    assert.match(p.message, /Master-detail field Invoice__c\.Bill__c is emulated as a required lookup/);
  });

  it('lets Task and Event relate to custom objects that allow activities', () => {
    assert.deepEqual(fieldOf(def, 'Task', 'WhatId').referenceTo, ['Account', 'Opportunity', 'Invoice__c']);
    assert.deepEqual(fieldOf(def, 'Event', 'WhatId').referenceTo, ['Account', 'Opportunity', 'Invoice__c']);
    assert.ok(def.schema.object('Invoice__c')!.childRelationships.some((c) => c.childSObject === 'Task' && c.relationshipName === 'Tasks'));
  });

  it('reports only the master-detail note for this project', () => {
    assert.deepEqual(def.problems.map((p) => `${p.file}:${p.element}`), [`${F}/Bill__c.field-meta.xml:type`]);
  });
});

describe('standard objects changed by metadata', () => {
  const dir = makeProject({
    [`${OBJ}/Lead/Lead.object-meta.xml`]: xml('CustomObject', '<enableFeeds>false</enableFeeds><externalSharingModel>Private</externalSharingModel><sharingModel>Private</sharingModel><searchLayouts></searchLayouts>'),
    [`${OBJ}/Lead/fields/LeadSource.field-meta.xml`]: fieldXml(
      '<fullName>LeadSource</fullName><trackFeedHistory>false</trackFeedHistory><type>Picklist</type><valueSet><valueSetDefinition>' +
        '<value><fullName>Trade Show</fullName><default>true</default><label>Trade Show</label></value>' +
        '<value><fullName>Webinar</fullName><default>false</default><label>Webinar</label></value></valueSetDefinition></valueSet>',
    ),
    [`${OBJ}/Lead/fields/Company.field-meta.xml`]: fieldXml('<fullName>Company</fullName><label>Organisation</label><inlineHelpText>Legal name.</inlineHelpText>'),
    [`${OBJ}/Lead/fields/Title.field-meta.xml`]: fieldXml('<fullName>Title</fullName><required>true</required><length>10</length>'),
    [`${OBJ}/Lead/fields/Shoe_Size.field-meta.xml`]: fieldXml('<fullName>Shoe_Size</fullName><type>Number</type>'),
    [`${OBJ}/Lead/fields/Email.field-meta.xml`]: fieldXml('<fullName>Email</fullName><type>Picklist</type>'),
    [`${OBJ}/Contact/recordTypes/Partner.recordType-meta.xml`]: xml('RecordType', '<fullName>Partner</fullName><active>true</active><label>Partner Contact</label><description>Partners</description>'),
    [`${OBJ}/Account/recordTypes/Business.recordType-meta.xml`]: xml('RecordType', '<fullName>Business</fullName><active>false</active><label>Business</label><picklistValues><picklist>Industry</picklist></picklistValues>'),
    [`${MAIN}/standardValueSets/LeadStatus.standardValueSet-meta.xml`]: xml(
      'StandardValueSet',
      '<sorted>false</sorted>' +
        '<standardValue><fullName>New</fullName><default>true</default><label>New</label><converted>false</converted></standardValue>' +
        '<standardValue><fullName>Qualified</fullName><default>false</default><label>Qualified</label><converted>true</converted></standardValue>',
    ),
    [`${MAIN}/standardValueSets/OpportunityStage.standardValueSet-meta.xml`]: xml(
      'StandardValueSet',
      '<standardValue><fullName>Discovery</fullName><default>false</default><label>Discovery</label><closed>false</closed><forecastCategory>Pipeline</forecastCategory><probability>15</probability><won>false</won></standardValue>' +
        '<standardValue><fullName>Shortlisted</fullName><default>false</default><label>Shortlisted</label><closed>false</closed><forecastCategory>BestCase</forecastCategory><probability>70</probability><won>false</won></standardValue>' +
        '<standardValue><fullName>Committed</fullName><default>false</default><label>Committed</label><closed>false</closed><forecastCategory>Forecast</forecastCategory><probability>90</probability><won>false</won></standardValue>' +
        '<standardValue><fullName>Signed</fullName><default>false</default><label>Signed</label><closed>true</closed><forecastCategory>Closed</forecastCategory><probability>100</probability><won>true</won></standardValue>',
    ),
    [`${MAIN}/standardValueSets/Industry.standardValueSet-meta.xml`]: xml('StandardValueSet', '<standardValue><fullName>Aerospace</fullName><default>false</default><label>Aerospace</label></standardValue>'),
    [`${MAIN}/standardValueSets/CaseOrigin.standardValueSet-meta.xml`]: xml('StandardValueSet', '<standardValue><fullName>Web</fullName><default>false</default><label>Web</label></standardValue>'),
  });
  const def = loadOrgMetadata(dir);
  const leadFile = (name: string) => `${OBJ}/Lead/fields/${name}.field-meta.xml`;

  it('overrides the sharing model of a standard object', () => {
    assert.equal(def.schema.object('Lead')!.sharingModel, 'Private');
    assert.equal(def.schema.object('Account')!.sharingModel, 'ReadWrite');
    assert.deepEqual(problemsFor(def, `${OBJ}/Lead/Lead.object-meta.xml`), []);
  });

  it('overrides a standard picklist, label, help text and required flag', () => {
    const source = fieldOf(def, 'Lead', 'LeadSource');
    assert.deepEqual(source.picklistValues!.map((v) => v.value), ['Trade Show', 'Webinar']);
    assert.equal(source.defaultValue, 'Trade Show');
    assert.equal(fieldOf(def, 'Contact', 'LeadSource').picklistValues!.length, 5, 'a field file changes only its own field');
    const company = fieldOf(def, 'Lead', 'Company');
    assert.deepEqual([company.label, company.inlineHelpText, company.custom], ['Organisation', 'Legal name.', false]);
    assert.equal(fieldOf(def, 'Lead', 'Title').required, true);
    assert.equal(fieldOf(def, 'Lead', 'Title').length, 128, 'a standard field keeps its length');
  });

  it('reports what cannot change on a standard field, and unknown standard fields', () => {
    assert.match(one(problemsFor(def, leadFile('Title')), 'length').message, /<length> cannot be changed on the standard field Lead\.Title/);
    assert.equal(one(problemsFor(def, leadFile('Title')), 'length').line, 3);
    assert.match(one(problemsFor(def, leadFile('Shoe_Size')), 'fields').message, /Lead has no standard field Shoe_Size/);
    assert.match(one(problemsFor(def, leadFile('Email')), 'type').message, /Lead\.Email is a email field/);
    assert.equal(def.schema.object('Lead')!.fieldsByLowerName.has('shoe_size'), false);
  });

  it('applies standard value sets with their facts to every field they feed', () => {
    const status = fieldOf(def, 'Lead', 'Status');
    assert.deepEqual(status.picklistValues!.map((v) => [v.value, v.defaultValue, v.attributes?.converted]), [['New', true, false], ['Qualified', false, true]]);
    assert.equal(status.defaultValue, 'New');
    const stages = fieldOf(def, 'Opportunity', 'StageName').picklistValues!;
    assert.deepEqual(stages.map((v) => [v.value, v.attributes]), [
      ['Discovery', { closed: false, won: false, probability: 15, forecastCategory: 'Pipeline' }],
      ['Shortlisted', { closed: false, won: false, probability: 70, forecastCategory: 'Best Case' }],
      ['Committed', { closed: false, won: false, probability: 90, forecastCategory: 'Commit' }],
      ['Signed', { closed: true, won: true, probability: 100, forecastCategory: 'Closed' }],
    ]);
    assert.deepEqual(fieldOf(def, 'Lead', 'Industry').picklistValues!.map((v) => v.value), ['Aerospace']);
    assert.deepEqual(fieldOf(def, 'Account', 'Industry').picklistValues!.map((v) => v.value), ['Aerospace']);
    assert.match(one(problemsFor(def, `${MAIN}/standardValueSets/CaseOrigin.standardValueSet-meta.xml`), 'standardValueSets').message, /CaseOrigin belongs to fields the local org does not emulate/);
  });

  it('loads record types, and gives objects with record types a RecordTypeId', () => {
    assert.deepEqual(
      def.recordTypes.map((r) => [r.sobjectType, r.developerName, r.label, r.active, r.description ?? null]),
      [['Account', 'Business', 'Business', false, null], ['Contact', 'Partner', 'Partner Contact', true, 'Partners']],
    );
    const rt = fieldOf(def, 'Contact', 'RecordTypeId');
    assert.deepEqual([rt.type, rt.referenceTo, rt.relationshipName], ['reference', ['RecordType'], 'RecordType']);
    assert.deepEqual(fieldOf(def, 'RecordType', 'SobjectType').picklistValues!.map((v) => v.value), ['Account', 'Contact', 'Lead', 'Opportunity']);
  });
});

describe('lead convert settings', () => {
  const lead = (name: string, type = 'Text') => fieldXml(`<label>${name}</label><type>${type}</type><length>40</length>`);
  const mapping = (target: string, pairs: Array<[string, string]>) =>
    `<objectMapping><inputObject>Lead</inputObject>${pairs.map(([i, o]) => `<mappingFields><inputField>${i}</inputField><outputField>${o}</outputField></mappingFields>`).join('')}<outputObject>${target}</outputObject></objectMapping>`;
  const files = {
    [`${OBJ}/Lead/fields/Region__c.field-meta.xml`]: lead('Region'),
    [`${OBJ}/Lead/fields/Score__c.field-meta.xml`]: fieldXml('<label>Score</label><type>Number</type><precision>3</precision><scale>0</scale>'),
    [`${OBJ}/Account/fields/Region__c.field-meta.xml`]: lead('Region'),
    [`${OBJ}/Contact/fields/Region__c.field-meta.xml`]: lead('Region'),
    [`${OBJ}/Opportunity/fields/Lead_Score__c.field-meta.xml`]: fieldXml('<label>Lead Score</label><type>Number</type><precision>3</precision><scale>0</scale>'),
  };

  it('maps lead fields to Account, Contact and Opportunity fields', () => {
    const def = loadOrgMetadata(
      makeProject({
        ...files,
        [`${MAIN}/leadConvertSettings/LeadConvertSettings.leadConvertSetting-meta.xml`]: xml(
          'LeadConvertSettings',
          `<allowOwnerChange>false</allowOwnerChange>${mapping('Account', [['Region__c', 'Region__c']])}${mapping('Contact', [['Region__c', 'Region__c']])}${mapping('Opportunity', [['Score__c', 'Lead_Score__c']])}<opportunityCreationOptions>VisibleRequired</opportunityCreationOptions>`,
        ),
      }),
    );
    assert.deepEqual(def.leadConvertMappings, [
      { leadField: 'Region__c', targetObject: 'Account', targetField: 'Region__c' },
      { leadField: 'Region__c', targetObject: 'Contact', targetField: 'Region__c' },
      { leadField: 'Score__c', targetObject: 'Opportunity', targetField: 'Lead_Score__c' },
    ]);
    assert.deepEqual(def.leadConvertOptions, { allowOwnerChange: false, opportunityCreationOptions: 'VisibleRequired' });
    assert.deepEqual(def.problems, []);
  });

  it('reads the settings form too, and reports mappings the schema cannot honour', () => {
    const file = `${MAIN}/settings/LeadConvert.settings-meta.xml`;
    const def = loadOrgMetadata(
      makeProject({
        ...files,
        [file]: xml(
          'LeadConvertSettings',
          [mapping('Account', [['Region__c', 'Region__c'], ['Nope__c', 'Region__c']]), mapping('Contact', [['Region__c', 'Missing__c']]), mapping('Opportunity', [['Region__c', 'Lead_Score__c']]), mapping('Case', [['Region__c', 'Region__c']])].join('\n'),
        ),
      }),
    );
    assert.deepEqual(def.leadConvertMappings, [{ leadField: 'Region__c', targetObject: 'Account', targetField: 'Region__c' }]);
    const problems = problemsFor(def, file);
    assert.deepEqual(problems.map((p) => [p.element, p.line]), [['mappingFields', 3], ['mappingFields', 4], ['mappingFields', 5], ['objectMapping', 6]]);
    assert.match(problems[0].message, /names Lead\.Nope__c, which the local org does not have/);
    assert.match(problems[1].message, /names Contact\.Missing__c/);
    assert.match(problems[2].message, /incompatible types/);
    assert.match(problems[3].message, /from Lead to Case is not possible/);
  });
});

describe('metadata the local org cannot emulate', () => {
  const files: Record<string, string> = {
    [`${OBJ}/Account/fields/Score__c.field-meta.xml`]: fieldXml('<fullName>Score__c</fullName>\n<formula>AnnualRevenue / 1000</formula>\n<label>Score</label><type>Number</type><precision>18</precision><scale>0</scale>'),
    [`${OBJ}/Account/fields/Bio__c.field-meta.xml`]: fieldXml('<label>Bio</label><type>Html</type><length>32768</length><visibleLines>25</visibleLines>'),
    [`${OBJ}/Account/fields/Secret__c.field-meta.xml`]: fieldXml('<label>Secret</label><type>EncryptedText</type><length>20</length><maskChar>asterisk</maskChar><maskType>all</maskType>'),
    [`${OBJ}/Account/fields/Where__c.field-meta.xml`]: fieldXml('<label>Where</label><type>Location</type><scale>5</scale>'),
    [`${OBJ}/Account/fields/Opens__c.field-meta.xml`]: fieldXml('<label>Opens</label><type>Time</type>'),
    [`${OBJ}/Account/fields/Total__c.field-meta.xml`]: fieldXml('<label>Total</label><type>Summary</type><summaryOperation>count</summaryOperation>'),
    [`${OBJ}/Account/fields/Since__c.field-meta.xml`]: fieldXml('<label>Since</label><type>Date</type>\n<defaultValue>TODAY()</defaultValue>'),
    [`${OBJ}/Account/fields/Tier__c.field-meta.xml`]: fieldXml('<label>Tier</label><type>Picklist</type><valueSet><controllingField>Industry</controllingField><valueSetDefinition><value><fullName>Gold</fullName><default>false</default><label>Gold</label></value></valueSetDefinition></valueSet>'),
    [`${OBJ}/Account/fields/Buddy__c.field-meta.xml`]: fieldXml('<label>Buddy</label><type>Lookup</type><referenceTo>Contact</referenceTo><relationshipName>Buddies</relationshipName><deleteConstraint>Restrict</deleteConstraint><lookupFilter><active>true</active></lookupFilter>'),
    [`${OBJ}/Account/fields/Thing__c.field-meta.xml`]: fieldXml('<label>Thing</label><type>Lookup</type><referenceTo>Thing__c</referenceTo><relationshipName>Things</relationshipName>'),
    [`${OBJ}/Account/validationRules/Needs_Phone.validationRule-meta.xml`]: xml('ValidationRule', '<fullName>Needs_Phone</fullName><active>true</active>'),
    [`${OBJ}/Account/listViews/All.listView-meta.xml`]: xml('ListView', '<fullName>All</fullName>'),
    [`${OBJ}/Account/Account.object-meta.xml`]: xml('CustomObject', '<enableHistory>true</enableHistory><sharingModel>ReadWrite</sharingModel><validationRules><fullName>X</fullName></validationRules>'),
    [`${OBJ}/Case/Case.object-meta.xml`]: xml('CustomObject', '<sharingModel>Private</sharingModel>'),
    [`${OBJ}/Setting__mdt/Setting__mdt.object-meta.xml`]: xml('CustomObject', '<label>Setting</label>'),
    [`${MAIN}/flows/Lead_Router.flow-meta.xml`]: xml('Flow', '<label>Lead Router</label><processType>Flow</processType><status>Active</status>'),
    [`${MAIN}/assignmentRules/Lead.assignmentRules-meta.xml`]: xml('AssignmentRules', ''),
    [`${MAIN}/duplicateRules/Lead.Dupes.duplicateRule-meta.xml`]: xml('DuplicateRule', ''),
    [`${MAIN}/matchingRules/Lead.matchingRule-meta.xml`]: xml('MatchingRules', ''),
    [`${MAIN}/sharingRules/Lead.sharingRules-meta.xml`]: xml('SharingRules', ''),
    [`${MAIN}/layouts/Case-Case Layout.layout-meta.xml`]: xml('Layout', ''),
    [`${MAIN}/flexipages/Lead_Page.flexipage-meta.xml`]: xml('FlexiPage', ''),
    [`${MAIN}/classes/LeadService.cls`]: 'public class LeadService {}',
    [`${MAIN}/classes/LeadService.cls-meta.xml`]: xml('ApexClass', '<apiVersion>60.0</apiVersion>'),
    [`${MAIN}/triggers/LeadTrigger.trigger`]: 'trigger LeadTrigger on Lead (before insert) {}',
    [`${MAIN}/triggers/LeadTrigger.trigger-meta.xml`]: xml('ApexTrigger', '<apiVersion>60.0</apiVersion>'),
    [`${MAIN}/lwc/leadCard/leadCard.js`]: 'export default class {}',
    [`${MAIN}/lwc/leadCard/leadCard.html`]: '<template></template>',
    [`${MAIN}/lwc/leadCard/leadCard.js-meta.xml`]: xml('LightningComponentBundle', ''),
    [`${MAIN}/weirdThings/Foo.weirdThing-meta.xml`]: xml('WeirdThing', ''),
    [`${MAIN}/settings/Account.settings-meta.xml`]: xml('AccountSettings', ''),
    [`${MAIN}/README.md`]: 'not metadata',
    [`${MAIN}/connectedApps/Tool.connectedApp-meta.xml`]: xml('ConnectedApp', '<label>Tool</label>'),
  };
  const def = loadOrgMetadata(makeProject(files));
  const problem = (file: string, element: string) => one(problemsFor(def, file), element);
  const A = `${OBJ}/Account`;

  it('leaves fields it cannot emulate out of the schema, naming file, element and line', () => {
    const formula = problem(`${A}/fields/Score__c.field-meta.xml`, 'formula');
    assert.equal(formula.line, 4);
    assert.match(formula.message, /Formula field Account\.Score__c is not emulated yet/);
    assert.ok(formula.hint.length > 0);
    for (const [name, what] of [['Bio__c', 'Rich text area'], ['Secret__c', 'Encrypted text'], ['Where__c', 'Geolocation'], ['Opens__c', 'Time fields'], ['Total__c', 'Roll-up summary']]) {
      assert.match(problem(`${A}/fields/${name}.field-meta.xml`, 'type').message, new RegExp(what), name);
      assert.equal(def.schema.object('Account')!.fieldsByLowerName.has(name.toLowerCase()), false, `${name} is left out`);
    }
    assert.equal(def.schema.object('Account')!.fieldsByLowerName.has('score__c'), false);
    assert.match(problem(`${A}/fields/Thing__c.field-meta.xml`, 'referenceTo').message, /looks up Thing__c, which the local org does not have/);
  });

  it('keeps fields whose details it cannot emulate, reporting each detail', () => {
    const since = fieldOf(def, 'Account', 'Since__c');
    assert.equal(since.defaultValue, undefined);
    const d = problem(`${A}/fields/Since__c.field-meta.xml`, 'defaultValue');
    assert.equal(d.line, 4);
    assert.match(d.message, /TODAY\(\)/);
    assert.equal(fieldOf(def, 'Account', 'Tier__c').picklistValues!.length, 1);
    assert.match(problem(`${A}/fields/Tier__c.field-meta.xml`, 'controllingField').message, /Dependent picklist Account\.Tier__c/);
    const buddy = problemsFor(def, `${A}/fields/Buddy__c.field-meta.xml`);
    assert.deepEqual(buddy.map((p) => p.element).sort(), ['deleteConstraint', 'lookupFilter']);
    assert.equal(fieldOf(def, 'Account', 'Buddy__c').referenceTo[0], 'Contact');
  });

  it('reports object features and inline child metadata', () => {
    const objectProblems = problemsFor(def, `${A}/Account.object-meta.xml`);
    assert.deepEqual(objectProblems.map((p) => p.element).sort(), ['enableHistory', 'validationRules']);
    assert.match(one(problemsFor(def, `${OBJ}/Case`), 'objects').message, /standard object Case is not emulated/);
    assert.match(one(problemsFor(def, `${OBJ}/Setting__mdt`), 'objects').message, /Custom metadata types are not emulated/);
  });

  it('reports each file of a type it does not emulate yet, once', () => {
    const expected: Array<[string, string]> = [
      // Emulated since part 2: a rule without a condition or message is reported and not run.
      [`${A}/validationRules/Needs_Phone.validationRule-meta.xml`, 'errorConditionFormula'],
      [`${A}/listViews/All.listView-meta.xml`, 'listViews'],
      // Emulated since part 2: record-triggered flows run; an active screen flow is reported.
      [`${MAIN}/flows/Lead_Router.flow-meta.xml`, 'processType'],
      // Emulated since part 3 (src/org/layouts): a layout of an object the local org lacks is reported.
      [`${MAIN}/layouts/Case-Case Layout.layout-meta.xml`, 'layouts'],
      [`${MAIN}/flexipages/Lead_Page.flexipage-meta.xml`, 'flexipages'],
      [`${MAIN}/classes/LeadService.cls-meta.xml`, 'classes'],
      [`${MAIN}/triggers/LeadTrigger.trigger-meta.xml`, 'triggers'],
      [`${MAIN}/lwc/leadCard`, 'lwc'],
      [`${MAIN}/weirdThings/Foo.weirdThing-meta.xml`, 'weirdThing'],
      [`${MAIN}/settings/Account.settings-meta.xml`, 'settings'],
    ];
    for (const [file, element] of expected) {
      const p = problem(file, element);
      assert.ok(p.message.length > 0 && p.hint.length > 0, `${file} has a message and a hint`);
    }
    assert.match(problem(`${MAIN}/flows/Lead_Router.flow-meta.xml`, 'processType').message, /screen flow/);
    assert.equal(problemsFor(def, `${MAIN}/classes/LeadService.cls`).length, 0, 'the .cls content file is covered by its -meta.xml');
    assert.equal(problemsFor(def, `${MAIN}/README.md`).length, 0);
    assert.equal(problemsFor(def, `${MAIN}/sharingRules/Lead.sharingRules-meta.xml`).length, 0, 'sharing rules are emulated (an empty file shares nothing)');
    for (const kind of ['assignmentRules/Lead.assignmentRules', 'duplicateRules/Lead.Dupes.duplicateRule', 'matchingRules/Lead.matchingRule']) {
      assert.equal(problemsFor(def, `${MAIN}/${kind}-meta.xml`).length, 0, `${kind} is emulated (an empty or inactive definition does nothing)`);
    }
    assert.equal(problemsFor(def, `${MAIN}/connectedApps/Tool.connectedApp-meta.xml`).length, 0, 'the OAuth layer emulates connected apps');
  });

  it('lists problems sorted by file and line', () => {
    const keys = def.problems.map((p) => `${p.file}\u0000${String(p.line ?? 0).padStart(6, '0')}`);
    assert.deepEqual(keys, [...keys].sort());
  });
});

describe('unreadable projects', () => {
  it('throws a MetadataError naming file, line and column for invalid XML', () => {
    const file = `${OBJ}/Lead/fields/Region__c.field-meta.xml`;
    const err = loadError(makeProject({ [file]: '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField>\n  <label>Region</label>\n  <type>Picklist</typo>\n</CustomField>\n' }));
    assert.match(err.message, new RegExp(`^Invalid metadata XML in ${file.replace(/[.]/g, '\\.')} at line 4, column \\d+: .+\\. Fix the file or remove it\\.$`));
    assert.deepEqual([err.file, err.line], [file, 4]);
    assert.ok(typeof err.column === 'number' && err.column > 0);
  });

  it('throws for a file whose root element is not the expected one', () => {
    const file = `${OBJ}/Lead/fields/Region__c.field-meta.xml`;
    const err = loadError(makeProject({ [file]: xml('CustomObject', '<label>x</label>') }));
    assert.match(err.message, /Invalid metadata XML in .*Region__c\.field-meta\.xml at line 2, column 1: the root element is <CustomObject>, expected <CustomField>/);
  });

  it('throws for a missing folder and for a folder that is no SFDX project', () => {
    assert.match(loadError('/nonexistent/golive/project').message, /The org metadata folder \/nonexistent\/golive\/project does not exist/);
    const empty = makeProject({ 'notes.txt': 'hello' }, { sfdxProject: false });
    assert.match(loadError(empty).message, /is not an SFDX project: it has neither sfdx-project\.json nor an objects\/ folder/);
  });

  it('throws when sfdx-project.json names a package directory that is missing, or is not JSON', () => {
    const dir = makeProject({});
    fs.writeFileSync(path.join(dir, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'app' }] }));
    assert.match(loadError(dir).message, /The package directory 'app' named in .*sfdx-project\.json does not exist/);
    fs.writeFileSync(path.join(dir, 'sfdx-project.json'), '{ nope');
    assert.match(loadError(dir).message, /sfdx-project\.json in .* is not valid JSON/);
  });

  it('throws when the same field is defined in two package directories', () => {
    const dir = makeProject({
      [`${OBJ}/Lead/fields/Region__c.field-meta.xml`]: fieldXml('<label>Region</label><type>Text</type><length>10</length>'),
      'extra/objects/Lead/fields/Region__c.field-meta.xml': fieldXml('<label>Region</label><type>Text</type><length>10</length>'),
    });
    fs.writeFileSync(path.join(dir, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app' }, { path: 'extra' }] }));
    assert.match(loadError(dir).message, /The field Lead\.Region__c is defined twice/);
  });
});

describe('project layouts', () => {
  it('reads every package directory, with or without main/default', () => {
    const dir = makeProject({
      'app-one/objects/Lead/fields/One__c.field-meta.xml': fieldXml('<label>One</label><type>Text</type><length>10</length>'),
      'app-two/main/default/objects/Lead/fields/Two__c.field-meta.xml': fieldXml('<label>Two</label><type>Text</type><length>10</length>'),
    });
    fs.writeFileSync(path.join(dir, 'sfdx-project.json'), JSON.stringify({ name: 'two-apps', packageDirectories: [{ path: 'app-one' }, { path: 'app-two' }] }));
    const def = loadOrgMetadata(dir);
    assert.ok(fieldOf(def, 'Lead', 'One__c') && fieldOf(def, 'Lead', 'Two__c'));
    assert.deepEqual(def.packageDirectories, ['app-one', 'app-two']);
    assert.equal(def.orgName, 'two-apps', 'the project name names the org when users.json does not');
  });

  it('defaults to force-app, and accepts a bare metadata folder', () => {
    const dir = makeProject({ [`${OBJ}/Lead/fields/A__c.field-meta.xml`]: fieldXml('<label>A</label><type>Checkbox</type><defaultValue>false</defaultValue>') });
    fs.writeFileSync(path.join(dir, 'sfdx-project.json'), '{}');
    assert.equal(fieldOf(loadOrgMetadata(dir), 'Lead', 'A__c').type, 'boolean');
    const bare = makeProject({ 'objects/Lead/fields/B__c.field-meta.xml': fieldXml('<label>B</label><type>Date</type>') }, { sfdxProject: false });
    assert.equal(fieldOf(loadOrgMetadata(bare), 'Lead', 'B__c').type, 'date');
  });

  it('fingerprints the files: same content, same hash; any change, another', () => {
    const files = {
      [`${OBJ}/Lead/fields/A__c.field-meta.xml`]: fieldXml('<label>A</label><type>Date</type>'),
      'golive/users.json': JSON.stringify({ users: [{ username: 'a@b.test', lastName: 'A', email: 'a@b.test', profile: 'System Administrator' }] }),
    };
    const a = loadOrgMetadata(makeProject(files)).metadataHash;
    const b = makeProject(files);
    assert.equal(loadOrgMetadata(b).metadataHash, a);
    assert.match(a, /^[0-9a-f]{64}$/);
    fs.writeFileSync(path.join(b, 'golive/users.json'), files['golive/users.json'].replace('"A"', '"B"'));
    assert.notEqual(loadOrgMetadata(b).metadataHash, a);
    const c = makeProject(files);
    fs.writeFileSync(path.join(c, `${OBJ}/Lead/fields/A__c.field-meta.xml`), files[`${OBJ}/Lead/fields/A__c.field-meta.xml`].replace('Date', 'DateTime'));
    assert.notEqual(loadOrgMetadata(c).metadataHash, a);
    const d = makeProject(files);
    fs.renameSync(path.join(d, `${OBJ}/Lead/fields/A__c.field-meta.xml`), path.join(d, `${OBJ}/Lead/fields/Z__c.field-meta.xml`));
    assert.notEqual(loadOrgMetadata(d).metadataHash, a, 'a renamed file changes the fingerprint');
  });
});

describe('profiles, permission sets, roles, queues and groups', () => {
  const dir = makeProject({
    [`${MAIN}/profiles/Admin.profile-meta.xml`]: xml('Profile', '<custom>false</custom><userLicense>Salesforce</userLicense><userPermissions><enabled>true</enabled><name>ModifyAllData</name></userPermissions>'),
    [`${MAIN}/profiles/Custom%3A Support.profile-meta.xml`]: xml(
      'Profile',
      '<custom>true</custom><userLicense>Salesforce Platform</userLicense><objectPermissions><allowRead>true</allowRead><object>Account</object></objectPermissions><fieldPermissions><editable>false</editable><field>Account.Phone</field><readable>true</readable></fieldPermissions><tabVisibilities><tab>standard-Account</tab><visibility>DefaultOn</visibility></tabVisibilities>',
    ),
    [`${MAIN}/permissionsets/Deal_Desk.permissionset-meta.xml`]: xml('PermissionSet', '<label>Deal Desk</label><description>Approves discounts</description><objectPermissions><allowEdit>true</allowEdit><object>Opportunity</object></objectPermissions><objectPermissions><allowRead>true</allowRead><object>Account</object></objectPermissions>'),
    [`${MAIN}/roles/VP_Sales.role-meta.xml`]: xml('Role', '<name>VP Sales</name><opportunityAccessLevel>Edit</opportunityAccessLevel>'),
    [`${MAIN}/roles/Rep.role-meta.xml`]: xml('Role', '<name>Rep</name><parentRole>VP_Sales</parentRole>'),
    [`${MAIN}/roles/Orphan.role-meta.xml`]: xml('Role', '<name>Orphan</name>\n<parentRole>Nobody</parentRole>'),
    [`${MAIN}/queues/Triage.queue-meta.xml`]: xml(
      'Queue',
      '<name>Triage</name><email>triage@test.local</email><queueMembers><users><user>admin@test.local</user><user>ghost@test.local</user></users><roles><role>Rep</role></roles><roleAndSubordinates><roleAndSubordinate>VP_Sales</roleAndSubordinate></roleAndSubordinates><publicGroups><publicGroup>Helpers</publicGroup></publicGroups></queueMembers><queueSobject><sobjectType>Lead</sobjectType></queueSobject><queueSobject><sobjectType>Contact</sobjectType></queueSobject><queueSobject><sobjectType>Case</sobjectType></queueSobject>',
    ),
    [`${MAIN}/groups/Helpers.group-meta.xml`]: xml('Group', '<doesIncludeBosses>false</doesIncludeBosses><name>Helpers</name>'),
    'golive/users.json': JSON.stringify({ users: [{ username: 'admin@test.local', lastName: 'A', email: 'admin@test.local', profile: 'Admin' }] }),
  });
  const def = loadOrgMetadata(dir);

  it('keeps the built-in profiles, maps Admin to System Administrator and keeps permission content', () => {
    assert.deepEqual(def.profiles.map((p) => p.name), ['System Administrator', 'Standard User', 'Marketing User', 'Read Only', 'Contract Manager', 'Solution Manager', 'Custom: Support']);
    const admin = def.profiles[0];
    assert.deepEqual([admin.fullName, admin.builtIn, admin.file], ['Admin', true, `${MAIN}/profiles/Admin.profile-meta.xml`]);
    assert.deepEqual(admin.permissions.userPermissions, [{ enabled: 'true', name: 'ModifyAllData' }]);
    const support = def.profiles.find((p) => p.name === 'Custom: Support')!;
    assert.equal(support.userLicense, 'Salesforce Platform');
    assert.deepEqual(support.permissions.objectPermissions, [{ allowRead: 'true', object: 'Account' }]);
    assert.deepEqual(support.permissions.fieldPermissions, [{ editable: 'false', field: 'Account.Phone', readable: 'true' }]);
    assert.deepEqual(support.permissions.other, { tabVisibilities: { tab: 'standard-Account', visibility: 'DefaultOn' } });
    assert.equal(def.users[0].profile, 'System Administrator', 'users may name a profile by its metadata name');
  });

  it('loads permission sets and roles with their hierarchy', () => {
    assert.deepEqual(def.permissionSets.map((p) => [p.name, p.label, p.description, p.permissions.objectPermissions.length]), [['Deal_Desk', 'Deal Desk', 'Approves discounts', 2]]);
    const roles = Object.fromEntries(def.roles.map((r) => [r.developerName, [r.name, r.parentRole ?? null]]));
    assert.deepEqual(roles, { Orphan: ['Orphan', null], Rep: ['Rep', 'VP_Sales'], VP_Sales: ['VP Sales', null] });
    const orphan = one(problemsFor(def, `${MAIN}/roles/Orphan.role-meta.xml`), 'parentRole');
    assert.equal(orphan.line, 4);
    assert.match(orphan.message, /parent role 'Nobody' of Orphan is not in the project/);
  });

  it('loads queues and groups, checking objects and members', () => {
    const [queue] = def.queues;
    assert.deepEqual(
      { ...queue, file: undefined },
      {
        developerName: 'Triage', name: 'Triage', email: 'triage@test.local', doesSendEmailToMembers: false, sobjectTypes: ['Lead', 'Contact'],
        memberUsernames: ['admin@test.local'], memberRoles: ['Rep'], memberRolesAndSubordinates: ['VP_Sales'], memberGroups: ['Helpers'], file: undefined,
      },
    );
    const problems = problemsFor(def, `${MAIN}/queues/Triage.queue-meta.xml`);
    assert.equal(problems.length, 2);
    assert.match(problems.find((p) => p.element === 'queueSobject')!.message, /lists Case, which the local org does not have/);
    assert.match(problems.find((p) => p.element === 'queueMembers')!.message, /'ghost@test\.local' of Triage is not a user/);
    assert.deepEqual(def.groups.map((g) => [g.developerName, g.name, g.doesIncludeBosses]), [['Helpers', 'Helpers', false]]);
  });

  it('throws on a role hierarchy cycle', () => {
    const err = loadError(makeProject({
      [`${MAIN}/roles/A.role-meta.xml`]: xml('Role', '<name>A</name><parentRole>B</parentRole>'),
      [`${MAIN}/roles/B.role-meta.xml`]: xml('Role', '<name>B</name><parentRole>A</parentRole>'),
    }));
    assert.match(err.message, /The role hierarchy has a cycle: A → B → A/);
  });
});
