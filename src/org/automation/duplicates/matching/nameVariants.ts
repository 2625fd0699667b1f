/**
 * Salesforce's "Name Variant" algorithm matches a first name with its common variants ("Bob"
 * and "Robert", "Bill" and "William"). Its dictionary is not published; this is a small one of
 * common English given names and their nicknames. A name may be in several groups ("Chris").
 */

const GROUPS: readonly string[] = [
  'robert bob bobby rob robbie bert',
  'william bill billy will willy liam',
  'richard rick ricky rich dick',
  'james jim jimmy jamie',
  'john jon johnny jack',
  'jonathan jon jonny nathan',
  'michael mike mikey mick',
  'joseph joe joey',
  'thomas tom tommy',
  'charles charlie chuck chas',
  'christopher chris kit topher',
  'christine chris chrissy tina',
  'christina chris tina',
  'daniel dan danny',
  'david dave davey',
  'edward ed eddie ted ned',
  'elizabeth liz lizzie beth betty eliza libby',
  'margaret maggie meg peggy marge',
  'katherine kate katie kathy kat',
  'catherine cathy cate kate katie',
  'jennifer jen jenny',
  'patricia pat patty trish',
  'patrick pat paddy',
  'alexander alex al sandy xander',
  'alexandra alex sandra sandy lexi',
  'anthony tony',
  'andrew andy drew',
  'benjamin ben benny',
  'matthew matt',
  'nicholas nick nicky',
  'samuel sam sammy',
  'samantha sam sammy',
  'stephen steve stevie',
  'steven steve stevie',
  'timothy tim timmy',
  'gregory greg',
  'jeffrey jeff',
  'kenneth ken kenny',
  'lawrence larry',
  'leonard leo len lenny',
  'peter pete',
  'ronald ron ronnie',
  'donald don donnie',
  'raymond ray',
  'gerald gerry jerry',
  'frederick fred freddie',
  'henry hank harry',
  'harold harry hal',
  'albert al bert',
  'victoria vicky tori',
  'rebecca becky becca',
  'susan sue susie',
  'deborah debbie deb',
  'barbara barb barbie',
  'dorothy dot dottie',
  'jessica jess jessie',
  'abigail abby',
  'allison ally allie',
  'amanda mandy',
  'cynthia cindy',
  'pamela pam',
  'theodore ted teddy theo',
  'zachary zach zack',
];

const VARIANTS = new Map<string, Set<string>>();
for (const group of GROUPS) {
  const names = group.split(' ');
  for (const n of names) {
    const set = VARIANTS.get(n) ?? new Set<string>();
    for (const m of names) set.add(m);
    VARIANTS.set(n, set);
  }
}

/** Whether two lower-cased first names are known variants of each other. */
export function areNameVariants(a: string, b: string): boolean {
  return VARIANTS.get(a)?.has(b) === true;
}
