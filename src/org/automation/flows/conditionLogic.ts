/**
 * Condition logic of flows (`conditionLogic`, `filterLogic`): `and`, `or`, or a custom formula
 * over the conditions' 1-based numbers such as `1 AND (2 OR NOT 3)`. One tree serves both the
 * interpreter (boolean evaluation) and Get Records (SQL), so both read the logic the same way.
 */

export type LogicNode =
  | { op: 'and' | 'or'; children: LogicNode[] }
  | { op: 'not'; child: LogicNode }
  | { op: 'condition'; index: number }
  | { op: 'true' };

/** Every condition joined by one operator; no conditions at all is always true, as in Flow Builder. */
export function joinAll(op: 'and' | 'or', count: number): LogicNode {
  if (count === 0) return { op: 'true' };
  return { op, children: Array.from({ length: count }, (_, index) => ({ op: 'condition' as const, index })) };
}

/**
 * Parses a logic string for `count` conditions. Throws an Error whose message says what is
 * wrong; the reader turns it into a problem on the flow.
 */
export function parseLogic(text: string | undefined, count: number): LogicNode {
  const trimmed = (text ?? '').trim();
  const lower = trimmed.toLowerCase();
  if (lower === '' || lower === 'and') return joinAll('and', count);
  if (lower === 'or') return joinAll('or', count);
  if (lower === 'no_conditions') return { op: 'true' };

  const tokens = trimmed.match(/\(|\)|\d+|[A-Za-z]+|\S/g) ?? [];
  let pos = 0;
  const used = new Set<number>();
  const fail = (why: string): never => {
    throw new Error(`the condition logic "${trimmed}" ${why}`);
  };
  const peek = () => tokens[pos]?.toUpperCase();

  const primary = (): LogicNode => {
    const t = tokens[pos++];
    if (t === undefined) return fail('ends too early');
    if (t === '(') {
      const inner = or();
      if (tokens[pos++] !== ')') fail('has an unclosed parenthesis');
      return inner;
    }
    if (t.toUpperCase() === 'NOT') return { op: 'not', child: primary() };
    if (/^\d+$/.test(t)) {
      const n = Number(t);
      if (n < 1 || n > count) fail(`refers to condition ${n}, but there ${count === 1 ? 'is 1 condition' : `are ${count} conditions`}`);
      used.add(n - 1);
      return { op: 'condition', index: n - 1 };
    }
    return fail(`has an unexpected "${t}"`);
  };
  const and = (): LogicNode => {
    const children = [primary()];
    while (peek() === 'AND') {
      pos++;
      children.push(primary());
    }
    return children.length === 1 ? children[0] : { op: 'and', children };
  };
  const or = (): LogicNode => {
    const children = [and()];
    while (peek() === 'OR') {
      pos++;
      children.push(and());
    }
    return children.length === 1 ? children[0] : { op: 'or', children };
  };

  const tree = or();
  if (pos < tokens.length) fail(`has an unexpected "${tokens[pos]}"`);
  // Flow Builder refuses to save logic that leaves a condition out; a file edited by hand might.
  for (let i = 0; i < count; i++) if (!used.has(i)) fail(`does not use condition ${i + 1}`);
  return tree;
}

/** Evaluates the tree, asking `test` only for the conditions the logic needs (left to right). */
export function evaluateLogic(node: LogicNode, test: (index: number) => boolean): boolean {
  switch (node.op) {
    case 'true':
      return true;
    case 'condition':
      return test(node.index);
    case 'not':
      return !evaluateLogic(node.child, test);
    case 'and':
      return node.children.every((c) => evaluateLogic(c, test));
    case 'or':
      return node.children.some((c) => evaluateLogic(c, test));
  }
}

/** The logic as SQL, each condition given by `sql(index)`. */
export function logicToSql(node: LogicNode, sql: (index: number) => string): string {
  switch (node.op) {
    case 'true':
      return '1 = 1';
    case 'condition':
      return `(${sql(node.index)})`;
    case 'not':
      return `NOT ${logicToSql(node.child, sql)}`;
    case 'and':
    case 'or':
      return `(${node.children.map((c) => logicToSql(c, sql)).join(node.op === 'and' ? ' AND ' : ' OR ')})`;
  }
}
