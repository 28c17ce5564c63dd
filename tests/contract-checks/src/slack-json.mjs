// slack-json FILE.KIND.json...: each file's JSON becomes the initialiser of a constant typed as
// Kinds['KIND'] (see slack-shapes.ts) in a TypeScript source that exists only in memory, and the
// TypeScript compiler API type-checks them all in one program. A literal keeps "section" as the
// literal type Slack's unions need (a JSON module import would widen it to string). Nothing is
// written to disk, so any number of runs may share one installation.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));
const shapes = join(here, 'slack-shapes.ts');

function knownKinds() {
  const source = ts.createSourceFile(shapes, readFileSync(shapes, 'utf8'), ts.ScriptTarget.Latest);
  const kinds = new Set();
  ts.forEachChild(source, (node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'Kinds') {
      for (const member of node.members) kinds.add(member.name.text);
    }
  });
  return kinds;
}

export async function run(files) {
  const kinds = knownKinds();
  const virtual = new Map(); // in-memory .ts path -> { file, text }
  let failures = 0;
  files.forEach((file, i) => {
    const kind = /\.([a-z-]+)\.json$/.exec(basename(file))?.[1];
    if (!kind || !kinds.has(kind)) {
      failures++;
      console.log(`FAIL ${file}\n  the name must end in .KIND.json, KIND one of: ${[...kinds].join(' ')}`);
      return;
    }
    const json = readFileSync(file, 'utf8');
    try {
      JSON.parse(json);
    } catch (error) {
      failures++;
      console.log(`FAIL ${file}\n  not JSON: ${error.message}`);
      return;
    }
    const text = `import type { Kinds } from './slack-shapes.js';\nexport const payload: Kinds['${kind}'] =\n${json.trimEnd()};\n`;
    virtual.set(join(here, `payload-${i}.ts`), { file, text });
  });
  if (virtual.size === 0) return failures ? 1 : 0;

  const options = {
    strict: true, noEmit: true, skipLibCheck: true, types: [],
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(name)?.text ?? readFile.call(host, name);
  host.getSourceFile = (name, version, ...rest) => virtual.has(name)
    ? ts.createSourceFile(name, virtual.get(name).text, version)
    : getSourceFile.call(host, name, version, ...rest);
  const program = ts.createProgram([...virtual.keys()], options, host);

  const byFile = new Map([...virtual.values()].map((v) => [v.file, []]));
  const elsewhere = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n    ');
    const source = d.file && virtual.get(d.file.fileName);
    if (!source) {
      elsewhere.push(`${d.file ? d.file.fileName + ': ' : ''}${message}`);
      continue;
    }
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    // The JSON starts on the third line of the in-memory source.
    byFile.get(source.file).push(`${source.file}(${Math.max(1, line - 1)},${character + 1}): TS${d.code}: ${message}`);
  }
  for (const [file, problems] of byFile) {
    if (problems.length === 0) {
      console.log(`ok   ${file}`);
      continue;
    }
    failures++;
    console.log(`FAIL ${file}`);
    for (const p of problems) console.log(`  ${p}`);
  }
  if (elsewhere.length > 0) {
    failures++;
    console.log('FAIL the check itself (not one of the files):');
    for (const p of elsewhere) console.log(`  ${p}`);
  }
  return failures ? 1 : 0;
}
