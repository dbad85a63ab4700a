// Which Excel API requirement set each call of the adapter (src/excel) needs, read from the
// `[Api set: ExcelApi 1.x]` annotations of the office-js type definitions, and whether each call above the
// manifest's minimum is guarded by the host's isSetSupported (host.supports('1.x')) with a way on without it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
export const OFFICE_DTS = join(ROOT, 'node_modules', '@types', 'office-js', 'index.d.ts');

/** `1.13` → [1, 13], compared part by part. */
export function compareVersions(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

/** The ExcelApi MinVersion the manifest declares. */
export function manifestMinimum(manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8')): string {
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="(\d+\.\d+)"\s*\/>/.exec(manifest);
  if (!m) throw new Error('manifest.xml declares no ExcelApi MinVersion');
  return m[1]!;
}

/** `Class.member` → the lowest ExcelApi set any of its declarations names, for the classes and interfaces of `namespace Excel`. */
export function apiSets(dts = readFileSync(OFFICE_DTS, 'utf8')): Map<string, string> {
  const file = ts.createSourceFile('index.d.ts', dts, ts.ScriptTarget.ES2020, true);
  const sets = new Map<string, string>();
  for (const statement of file.statements) {
    // The first `declare namespace Excel` is the API; later ones (Excel.Interfaces …) are load options and data shapes.
    if (!ts.isModuleDeclaration(statement) || statement.name.text !== 'Excel' || !statement.body || !ts.isModuleBlock(statement.body)) continue;
    for (const type of statement.body.statements) {
      if (!(ts.isClassDeclaration(type) || ts.isInterfaceDeclaration(type)) || !type.name) continue;
      for (const member of type.members) {
        const name = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
        if (!name) continue;
        const doc = member.getFullText().match(/\[Api set: ExcelApi (\d+\.\d+)/);
        if (!doc) continue;
        const key = `${type.name.text}.${name}`;
        const had = sets.get(key);
        if (had === undefined || compareVersions(doc[1]!, had) < 0) sets.set(key, doc[1]!);
      }
    }
    break;
  }
  return sets;
}

/**
 * The adapter's own interfaces (src/excel/api.ts) and the Excel classes they stand for; type literals
 * inside them by their path. null: not Excel's (OfficeExtension's events, our own host).
 */
export const EXCEL_CLASS: Readonly<Record<string, readonly string[] | null>> = {
  XlContext: ['RequestContext'],
  XlWorkbook: ['Workbook'],
  XlProtection: ['WorkbookProtection', 'WorksheetProtection'],
  XlWorksheetCollection: ['WorksheetCollection'],
  XlWorksheet: ['Worksheet'],
  'XlWorksheet.freezePanes': ['WorksheetFreezePanes'],
  XlRange: ['Range'],
  XlHyperlink: ['RangeHyperlink'],
  XlRangeFormat: ['RangeFormat'],
  'XlRangeFormat.fill': ['RangeFill'],
  'XlRangeFormat.font': ['RangeFont'],
  XlConditionalFormatCollection: ['ConditionalFormatCollection'],
  XlConditionalFormat: ['ConditionalFormat'],
  'XlConditionalFormat.custom': ['CustomConditionalFormat'],
  'XlConditionalFormat.custom.rule': ['ConditionalFormatRule'],
  'XlConditionalFormat.custom.format': ['ConditionalRangeFormat'],
  'XlConditionalFormat.custom.format.fill': ['ConditionalRangeFill'],
  'XlConditionalFormat.custom.format.font': ['ConditionalRangeFont'],
  XlCustomXmlPartCollection: ['CustomXmlPartCollection'],
  'XlCustomXmlPartCollection.getByNamespace': ['CustomXmlPartScopedCollection'],
  XlCustomXmlPart: ['CustomXmlPart'],
  'XlCustomXmlPart.getXml': null, // OfficeExtension.ClientResult
  XlRangeAreas: ['RangeAreas'],
  'XlRangeAreas.areas': ['RangeCollection'],
  'XlRangeAreas.areas.items[]': ['Range'],
  XlChangedEventArgs: ['WorksheetChangedEventArgs'],
  XlEventSource: null, // OfficeExtension.EventHandlers
  XlEventHandlerResult: null, // OfficeExtension.EventHandlerResult
  ExcelHost: null, // ours: Excel.run and isSetSupported, bound in host.ts
};

/** One use of an Excel API member in the adapter. */
export interface ApiUse {
  readonly file: string;
  readonly line: number;
  /** `Range.getMergedAreasOrNullObject`, or `Workbook.readOnly (load)` for a property loaded by name. */
  readonly member: string;
  readonly set: string;
  /** The set of the guard it is under (host.supports('x.y')), if any. */
  readonly guard?: string;
  /** How the code goes on where the set is missing. */
  readonly fallback?: 'else' | 'skip' | 'refuse';
  /** The set the member's class came with: holding such an object means a call of that set was made (and checked) before. */
  readonly classSet: string;
}

/** Each class's own set: the lowest of its members' (an object of a class new in 1.9 only comes from a 1.9 call). */
export function classSets(sets: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, set] of sets) {
    const cls = key.slice(0, key.indexOf('.'));
    const had = out.get(cls);
    if (had === undefined || compareVersions(set, had) < 0) out.set(cls, set);
  }
  return out;
}

/** The uses that need more than `minimum` with no guard for it (nor a class that implies it). */
export function unguarded(uses: readonly ApiUse[], minimum: string): ApiUse[] {
  const floor = (u: ApiUse) => (compareVersions(u.classSet, minimum) > 0 ? u.classSet : minimum);
  return uses.filter((u) => compareVersions(u.set, floor(u)) > 0 && (u.guard === undefined || compareVersions(u.guard, u.set) < 0 || u.fallback === undefined));
}

/** The path of an api.ts interface or type literal a member is declared in: `XlRangeFormat.fill`. */
function ownerPath(decl: ts.Node): string | undefined {
  const parts: string[] = [];
  let node: ts.Node | undefined = decl.parent;
  while (node) {
    if (ts.isInterfaceDeclaration(node)) return [node.name.text, ...parts].join('.');
    if (ts.isTypeLiteralNode(node)) {
      const holder: ts.Node | undefined = node.parent;
      if (holder && (ts.isPropertySignature(holder) || ts.isMethodSignature(holder)) && holder.name && ts.isIdentifier(holder.name)) parts.unshift(holder.name.text);
      // An element of an array (`T[]`, `ReadonlyArray<T>`): `items[]`.
      else if (holder && ts.isArrayTypeNode(holder) && holder.parent && ts.isPropertySignature(holder.parent) && ts.isIdentifier(holder.parent.name)) {
        parts.unshift(`${holder.parent.name.text}[]`);
        node = holder.parent;
      } else if (holder && ts.isTypeReferenceNode(holder) && holder.parent && ts.isPropertySignature(holder.parent) && ts.isIdentifier(holder.parent.name)) {
        parts.unshift(`${holder.parent.name.text}[]`);
        node = holder.parent;
      }
    }
    node = node.parent;
  }
  return undefined;
}

/** The ExcelApi set `host.supports('x.y')` (or a const set from it) in a condition asserts, if it does. */
function assertedSet(cond: ts.Expression, checker: ts.TypeChecker): string | undefined {
  if (ts.isParenthesizedExpression(cond)) return assertedSet(cond.expression, checker);
  if (ts.isBinaryExpression(cond) && cond.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    const sets = [assertedSet(cond.left, checker), assertedSet(cond.right, checker)].filter((s): s is string => s !== undefined);
    return sets.sort(compareVersions).pop();
  }
  if (ts.isCallExpression(cond) && ts.isPropertyAccessExpression(cond.expression) && cond.expression.name.text === 'supports') {
    const arg = cond.arguments[0];
    return arg && ts.isStringLiteral(arg) ? arg.text : undefined;
  }
  if (ts.isIdentifier(cond)) {
    const decl = checker.getSymbolAtLocation(cond)?.valueDeclaration;
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) return assertedSet(decl.initializer, checker);
  }
  return undefined;
}

const within = (node: ts.Node, part: ts.Node | undefined) => part !== undefined && node.pos >= part.pos && node.end <= part.end;

/** The guard a use is under, and what happens without the set. */
function guardOf(node: ts.Node, checker: ts.TypeChecker): Pick<ApiUse, 'guard' | 'fallback'> {
  let best: Pick<ApiUse, 'guard' | 'fallback'> = {};
  const take = (set: string | undefined, fallback: ApiUse['fallback']) => {
    if (set !== undefined && (best.guard === undefined || compareVersions(set, best.guard) > 0)) best = { guard: set, fallback };
  };
  for (let child: ts.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && child === parent.thenStatement) take(assertedSet(parent.expression, checker), parent.elseStatement ? 'else' : 'skip');
    if (ts.isConditionalExpression(parent) && child === parent.whenTrue) take(assertedSet(parent.condition, checker), 'else');
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === parent.right) take(assertedSet(parent.left, checker), 'skip');
    // An early way out before it in an enclosing block: `if (!host.supports('x.y')) throw new PortError('unsupported', …)`.
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      for (const s of parent.statements) {
        if (s.pos >= child.pos) break;
        if (!ts.isIfStatement(s) || !ts.isPrefixUnaryExpression(s.expression) || s.expression.operator !== ts.SyntaxKind.ExclamationToken) continue;
        const out = ts.isBlock(s.thenStatement) ? s.thenStatement.statements[0] : s.thenStatement;
        if (out && (ts.isThrowStatement(out) || ts.isReturnStatement(out))) take(assertedSet(s.expression.operand, checker), ts.isThrowStatement(out) && /'unsupported'/.test(out.getText()) ? 'refuse' : 'skip');
      }
    }
  }
  return best;
}

/**
 * Every use of an Excel API member in `files` (property reads and writes, calls, and properties loaded by
 * name with load('a,b/c')), with the set it needs and the guard it is under. `extra`: more source files by
 * path (tests of the checker itself). `unknown` lists the members the type definitions give no set.
 */
export function excelApiUses(files: readonly string[], extra: Readonly<Record<string, string>> = {}, sets = apiSets()): { uses: ApiUse[]; unknown: Set<string> } {
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, strict: true, noEmit: true, skipLibCheck: true, types: ['office-js'], typeRoots: [join(ROOT, 'node_modules', '@types')] };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => (extra[name] !== undefined ? ts.createSourceFile(name, extra[name]!, language, true) : getSourceFile(name, language, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => extra[name] !== undefined || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => extra[name] ?? readFile(name);
  const all = [...files, ...Object.keys(extra)];
  const program = ts.createProgram(all, options, host);
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];
  const unknown = new Set<string>();
  const intro = classSets(sets);

  /** The Excel classes a declaration's owner stands for (null: not Excel's; undefined: not an API declaration). */
  const classesOf = (decl: ts.Declaration): readonly string[] | null | undefined => {
    const file = decl.getSourceFile().fileName;
    if (file === OFFICE_DTS.replace(/\\/g, '/') || file.endsWith('@types/office-js/index.d.ts')) {
      let node: ts.Node | undefined = decl.parent;
      while (node && !(ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node))) node = node.parent;
      const ns = node?.parent?.parent;
      return node && (node as ts.ClassDeclaration).name && ns && ts.isModuleDeclaration(ns) && ns.name.text === 'Excel' ? [(node as ts.ClassDeclaration).name!.text] : null;
    }
    if (!file.endsWith('src/excel/api.ts')) return undefined;
    const path = ownerPath(decl);
    if (path === undefined) return undefined;
    if (!(path in EXCEL_CLASS)) throw new Error(`src/excel/api.ts: ${path} is not mapped to an Excel class in test/excel/api-sets.ts`);
    return EXCEL_CLASS[path]!;
  };
  const record = (node: ts.Node, decl: ts.Declaration | undefined, name: string, how = '') => {
    if (!decl) return;
    const classes = classesOf(decl);
    if (!classes) return;
    const found = classes.map((c) => [c, sets.get(`${c}.${name}`)] as const).filter(([, s]) => s !== undefined);
    if (found.length === 0) {
      unknown.add(`${classes.join('|')}.${name}`);
      return;
    }
    const [cls, set] = found.sort((a, b) => compareVersions(a[1]!, b[1]!)).pop()!;
    const sf = node.getSourceFile();
    uses.push({ file: sf.fileName.replace(/\\/g, '/').replace(/^.*?\/(src\/|__probe__)/, '$1'), line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, member: `${cls}.${name}${how}`, set: set!, classSet: intro.get(cls!) ?? '1.1', ...guardOf(node, checker) });
  };

  for (const sf of program.getSourceFiles()) {
    if (!all.includes(sf.fileName) || sf.fileName.endsWith('src/excel/api.ts')) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        record(node.name, symbol?.declarations?.[0], node.name.text);
      }
      // load('values,items/protection/protected'): each path walked through the types.
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'load' && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        const receiver = checker.getTypeAtLocation(node.expression.expression);
        for (const path of node.arguments[0].text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
          let type: ts.Type | undefined = receiver;
          for (const seg of path.split('/')) {
            if (!type) break;
            const prop: ts.Symbol | undefined = checker.getPropertyOfType(checker.getNonNullableType(type), seg);
            if (!prop) {
              unknown.add(`${checker.typeToString(type)}.${seg} (load)`);
              break;
            }
            const decl = prop.declarations?.[0];
            if (seg !== 'items') record(node.arguments[0], decl, seg, ' (load)');
            let next: ts.Type = checker.getTypeOfSymbolAtLocation(prop, node);
            if (seg === 'items') next = checker.getIndexTypeOfType(checker.getNonNullableType(next), ts.IndexKind.Number) ?? next;
            type = next;
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { uses, unknown };
}
