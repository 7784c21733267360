// Generates the top-level functions Apps Script needs. Each custom function gets its JSDoc block (description,
// one @param per argument with its real name, @return, @customfunction) right above a declaration that carries the
// same parameter names, which is what Sheets' autocomplete reads. Entry points get no @customfunction.

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Keeps a help string from closing the comment or breaking a line of JSDoc. */
const docText = (text) => String(text).replace(/\*\//g, '* /').replace(/\s*\n\s*/g, ' ');

function check(name) {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a valid function or parameter name: ${name}`);
  return name;
}

export function customFunctionStub(globalName, fn) {
  const params = fn.params.map((p) => check(p.name));
  const lines = [
    '/**',
    ` * ${docText(fn.description)} Example: ${docText(fn.example)}`,
    ' *',
    ...fn.params.map((p) => ` * @param {${p.type}} ${p.name} ${docText(p.description)}`),
    ` * @return {${fn.returns.type}} ${docText(fn.returns.description)}`,
    ` * @example ${docText(fn.example)}`,
    ' * @customfunction',
    ' */',
    `function ${check(fn.name)}(${params.join(', ')}) {`,
    `  return ${globalName}.callCustomFunction(${JSON.stringify(fn.name)}, arguments);`,
    '}',
  ];
  return lines.join('\n');
}

export function entryPointStub(globalName, entry) {
  const params = entry.params.map(check);
  return [
    `/** Apps Script entry point (trigger, menu item or google.script.run). */`,
    `function ${check(entry.name)}(${params.join(', ')}) {`,
    `  return ${globalName}.callEntryPoint(${JSON.stringify(entry.name)}, arguments);`,
    '}',
  ].join('\n');
}

export function generateStubs(globalName, help, entries) {
  const names = [...help.map((f) => f.name), ...entries.map((e) => e.name)];
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`Two top-level functions named ${duplicate}`);
  return [
    '// ---- Top-level functions: generated from the registries in src/ by scripts/build.mjs ----',
    ...help.map((fn) => customFunctionStub(globalName, fn)),
    ...entries.map((entry) => entryPointStub(globalName, entry)),
    '',
  ].join('\n\n');
}
